"""Audience tests: what each kind of reader is actually shown.

For every audience (signed out, another project's member, observer, contributor,
researcher, lead, funder reviewer, former member) fetch every page and every GET endpoint
of the API, for every object of the demo, and check the *content*: no e-mail address but
the reader's own, no real name behind a pseudonym, no sealed text, no leaving reason the
person kept private. URLs come from the URL resolver, with their arguments filled from the
demo's objects, so a new URL is crawled without anyone remembering to add it; a URL whose
arguments this test cannot fill fails the test (like the permission matrix).

The demo is built once per test worker (module fixture) inside a transaction that is
rolled back at the end, so nothing leaks into other tests.

Exceptions, decided and documented in docs/decisions/event-audiences.md:
- a lead sees the addresses of the invitations they sent while still pending (members page
  and invitation list), so they can manage them;
- whoever opens an invitation link (the token is sent only to that address) sees the
  address it was sent to;
- PDF downloads are not searched: each PDF is made from the same annex or agreement the
  JSON/HTML forms show, and those are searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The module's demo is built in the test database (the marker makes sure there is one);
# each test then runs in its own savepoint inside the module's transaction.
pytestmark = pytest.mark.django_db

# Distinctive strings that must reach only the readers entitled to them.
SEALED_MARKERS = ("SEALEDSUBJECTMARKER", "SEALEDTEXTMARKER", "SEALEDANONMARKER")
LEAVING_MARKER = "PRIVATELEAVINGREASONMARKER"
# The lead's message asking a contributor to publish one entry: for the project's members.
CONSENT_NOTE_MARKER = "CONSENTREQUESTNOTEMARKER"
PENDING_ADDRESS = "pending.invitee@example.net"
# Comments in the demo's verification answers whose authors did not allow them into the
# annex (verification/demo.py): the funder's reviewers' alone.
VERIFICATION_PRIVATE = (
    "I joined after the question had been chosen.",
    "the home visits were mostly decided already",
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Addresses that belong to no person (placeholders in help text).
NOT_PERSONAL = frozenset({"name@example.org", "you@example.org"})

AUDIENCES = (
    "signed_out",
    "other_project_member",
    "observer",
    "contributor",
    "researcher",
    "lead",
    "funder_reviewer",
    "former_member",
)


def make_reviewer(people: dict[str, Any]) -> Any:
    """The funder reviewer of STRIDE. One line to change when reviewers come from funder
    organisations: today the demo gives Helen the funder role in the project."""
    return people["funder"]


@dataclass
class Demo:
    people: dict[str, Any]
    projects: dict[str, Any]
    viewers: dict[str, Any]
    invitation_token: str
    # audience -> strings that audience must never be shown
    forbidden: dict[str, set[str]] = field(default_factory=dict)


def _add_markers(ctx: Any) -> Demo:
    """What the demo does not have yet: sealed text, a private leaving reason, a former
    member, a pending invitation and a token, each with a distinctive marker."""
    from workings.accounts import services as account_services
    from workings.concerns import services as concern_services
    from workings.projects import services as project_services
    from workings.reports import files

    people, stride = ctx.people, ctx.projects["stride"]
    concern_services.concern_raise(
        actor=people["contributor3"],  # Kestrel, who is not one of the crawled readers
        project=stride,
        mode="confidential",
        subject="SEALEDSUBJECTMARKER about a meeting",
        what_happened="SEALEDTEXTMARKER what happened",
        outcome_wanted="An apology.",
    )
    concern_services.concern_raise_anonymous(
        project=stride,
        subject="SEALEDANONMARKER subject",
        what_happened="SEALEDANONMARKER what happened",
        outcome_wanted="Nothing more.",
    )
    project_services.membership_leave(
        actor=people["contributor4"],
        project=stride,
        reason=f"{LEAVING_MARKER} my own reasons",
        credit="name",
    )
    project_services.membership_leave(
        actor=people["researcher2"], project=stride, reason="", credit="name"
    )
    _, token = project_services.invitation_create(
        actor=people["lead"],
        project=stride,
        email=PENDING_ADDRESS,
        role="contributor",
        message="Hello, we would like you to join.",
    )
    account_services.token_create(actor=people["lead"], name="Crawl token")
    # A data download (made at once in tests): only the contributor it is about may fetch it.
    from workings.accounts.export_services import data_export_request

    data_export_request(actor=people["contributor1"])
    _ask_consent(people, stride)
    for audience in ("public", "team", "funder"):
        files.file_for(
            project=stride, audience=audience, checkpoint_size=None, fmt="json", actor=None
        )
    viewers = {
        "signed_out": None,
        "other_project_member": people["other_lead"],
        "observer": people["observer"],
        "contributor": people["contributor1"],
        "researcher": people["researcher1"],
        "lead": people["lead"],
        "funder_reviewer": make_reviewer(people),
        "former_member": people["researcher2"],
    }
    demo = Demo(people, ctx.projects, viewers, token)
    pseudonymous = people["contributor3"]
    real_names = {pseudonymous.display_name, pseudonymous.email.split("@")[0]}
    current = {"observer", "contributor", "researcher", "lead", "funder_reviewer"}
    for audience in AUDIENCES:
        banned = set(real_names)
        if audience != "funder_reviewer":
            banned |= set(SEALED_MARKERS) | set(VERIFICATION_PRIVATE)
        if audience not in current:
            banned.add(LEAVING_MARKER)
            banned.add(CONSENT_NOTE_MARKER)
        demo.forbidden[audience] = banned
    return demo


def _ask_consent(people: dict[str, Any], stride: Any) -> None:
    """Kestrel keeps her latest entry off the public page; the lead asks her about it."""
    from workings.events.models import Entry
    from workings.publishing import services as publishing_services
    from workings.publishing.selectors import publishable_types
    from workings.publishing.withholding import needs_consent

    kinds = [t.name for t in publishable_types() if needs_consent(t.name)]
    latest = (
        Entry.objects.filter(log__project=stride, actor=people["contributor3"], sealed=False)
        .filter(type__in=kinds)
        .order_by("-seq")
        .first()
    )
    publishing_services.entry_consent_set(
        actor=people["contributor3"], project=stride, seq=latest.seq, publish=False
    )
    publishing_services.consent_request(
        actor=people["lead"],
        project=stride,
        seq=latest.seq,
        note=f"{CONSENT_NOTE_MARKER} may we show it?",
    )


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Demo]:
    from workings.core.demo import build_demo

    # The cache lives in the database too, so the rollback undoes it with the rest.
    with django_db_blocker.unblock(), transaction.atomic():
        built = _add_markers(build_demo())
        yield built
        transaction.set_rollback(True)


# --- Filling URL arguments from the demo's objects ---------------------------------------

Fill = Callable[[Demo], list[dict[str, Any]]]


def _rows(label: str, key: str, value: str = "pk", slug: str = "project__slug") -> Fill:
    def fill(demo: Demo) -> list[dict[str, Any]]:
        from django.apps import apps

        model = apps.get_model(label)
        rows = model._default_manager.filter(**{f"{slug}__in": _slugs(demo)})
        out = []
        for row in rows.values(value, slug):
            out.append({"slug": row[slug], key: row[value]})
        return out

    return fill


def _slugs(demo: Demo) -> list[str]:
    return [p.slug for p in demo.projects.values()]


def _entries(demo: Demo) -> list[dict[str, Any]]:
    from workings.events.models import Entry

    rows = Entry.objects.filter(log__project__slug__in=_slugs(demo))
    return [{"slug": s, "seq": q} for s, q in rows.values_list("log__project__slug", "seq")]


def _each(key: str, values: tuple[str, ...]) -> Fill:
    return lambda demo: [{"slug": s, key: v} for s in _slugs(demo) for v in values]


def _anonymous_keys(demo: Demo) -> list[dict[str, Any]]:
    from workings.concerns.selectors import anonymous_key

    return [{"slug": p.slug, "key": anonymous_key(p)} for p in demo.projects.values()]


def _uuids(label: str, slug: str | None) -> Fill:
    def fill(demo: Demo) -> list[dict[str, Any]]:
        from django.apps import apps

        model = apps.get_model(label)
        if slug is None:
            return [{"uuid": u} for u in model._default_manager.values_list("uuid", flat=True)]
        rows = model._default_manager.filter(project__slug__in=_slugs(demo))
        return [{"slug": s, "uuid": u} for s, u in rows.values_list("project__slug", "uuid")]

    return fill


def _annex_downloads(demo: Demo) -> list[dict[str, Any]]:
    return [
        {"slug": s, "audience": a, "fmt": f}
        for s in _slugs(demo)
        for a in ("public", "team", "funder")
        for f in ("json", "md")
    ]


def _funder_rows(label: str, key: str) -> Fill:
    """Rows of a funder organisation's pages: their slug is the organisation's."""

    def fill(demo: Demo) -> list[dict[str, Any]]:
        from django.apps import apps

        rows = apps.get_model(label)._default_manager.values_list("organisation__slug", "pk")
        return [{"slug": s, key: pk} for s, pk in rows]

    return fill


def _admin_objects(demo: Demo) -> list[dict[str, Any]]:
    from workings.funders.models import FunderOrganisation

    return [{"object_id": pk} for pk in FunderOrganisation.objects.values_list("pk", flat=True)]


def _view_on_site(demo: Demo) -> list[dict[str, Any]]:
    from django.contrib.contenttypes.models import ContentType

    from workings.funders.models import FunderOrganisation

    kind = ContentType.objects.get_for_model(FunderOrganisation).pk
    return [{"content_type_id": kind, "object_id": o["object_id"]} for o in _admin_objects(demo)]


def _organisations(demo: Demo) -> list[dict[str, Any]]:
    from workings.funders.models import FunderOrganisation

    return [{"slug": slug} for slug in FunderOrganisation.objects.values_list("slug", flat=True)]


def _data_exports(demo: Demo) -> list[dict[str, Any]]:
    from workings.accounts.models import DataExport

    return [{"uuid": e.uuid} for e in DataExport.objects.order_by("pk")]


MEMBERS = _rows("projects.membership", "pk")
INVITATIONS = _rows("projects.invitation", "pk")
ITEMS = _rows("record.item", "pk")
CONCERNS = _rows("concerns.concern", "pk")
VERSIONS = _rows("agreements.agreementversion", "number", value="number")

FILLS: dict[str, Fill] = {
    "account_confirm_email": lambda demo: [{"key": "not-a-real-key"}],
    "account_reset_password_from_key": lambda demo: [{"uidb36": "1", "key": "not-a-real-key"}],
    "accounts:token-revoke": lambda demo: [{"pk": t.pk} for t in demo.people["lead"].tokens.all()],
    "accounts:data-download": _data_exports,
    "api:my_data_status": _data_exports,
    "api:my_data_file": _data_exports,
    "projects:member-role": MEMBERS,
    "projects:member-remove": MEMBERS,
    "projects:invitation-withdraw": INVITATIONS,
    "invitations:answer": lambda demo: [{"token": demo.invitation_token}],
    "events:erase": _entries,
    "events:hide": _entries,
    "events:data-request": _entries,
    "funders:appointment-end": _funder_rows("funders.appointment", "pk"),
    "funders:answer": _funder_rows("funders.projectfunder", "pk"),
    "funders:settings": _organisations,
    "funders:portfolio": _organisations,
    "funders:portfolio-csv": _organisations,
    "api:funder_settings": _organisations,
    "api:funder_settings_update": _organisations,
    "api:funder_portfolio": _organisations,
    "api:funder_appointment_end": _funder_rows("funders.appointment", "appointment_id"),
    "api:funder_request_answer": _funder_rows("funders.projectfunder", "link_id"),
    # The admin site is for site administrators only: every audience here must be refused.
    "admin:view_on_site": _view_on_site,
    "admin:funders_funderorganisation_history": _admin_objects,
    "admin:funders_funderorganisation_delete": _admin_objects,
    "admin:funders_funderorganisation_change": _admin_objects,
    "admin:app_list": lambda demo: [{"app_label": "funders"}],
    "money:offer": _rows("money.offer", "pk"),
    "money:claim-new": _rows("money.offer", "pk"),
    "money:claim": _rows("money.claim", "pk"),
    "money:claim-approve": _rows("money.claim", "pk"),
    "money:claim-reject": _rows("money.claim", "pk"),
    "money:claim-pay": _rows("money.claim", "pk"),
    "money:budget-remove": _rows("money.budgetline", "pk"),
    "money:budget-edit": _rows("money.budgetline", "pk"),
    "api:money_budget_line_change": _rows("money.budgetline", "line_id"),
    "api:money_budget_line_remove": _rows("money.budgetline", "line_id"),
    "money:receipt": _rows("money.expense", "pk", slug="claim__project__slug"),
    "money:statement": _each("year", ("2025", "2026")),
    "money:statement-csv": _each("year", ("2025", "2026")),
    "money:statement-print": _each("year", ("2025", "2026")),
    "api:money_offer_answer": _rows("money.offer", "offer_id"),
    "api:money_claim_make": _rows("money.offer", "offer_id"),
    "api:money_claim_approve": _rows("money.claim", "claim_id"),
    "api:money_claim_reject": _rows("money.claim", "claim_id"),
    "api:money_claim_pay": _rows("money.claim", "claim_id"),
    "publishing:moderate": _rows("publishing.comment", "pk"),
    "publishing:consent-request": _rows("publishing.consentrequest", "pk"),
    "api:publishing_consent_request_answer": _rows("publishing.consentrequest", "request_id"),
    # The demo's comments have fixed private links (publishing/demo.py).
    "publishing:my-comment": lambda demo: [
        {"token": t} for t in ("demo-comment-published", "demo-comment-hidden", "demo-comment-held")
    ],
    "record:item": ITEMS,
    "record:feedback-answer": ITEMS,
    "record:feedback-satisfaction": ITEMS,
    "record:decision-view": ITEMS,
    "record:position-create": ITEMS,
    "record:disagreement-outcome": ITEMS,
    "record:account-edit": ITEMS,
    "record:correction-create": ITEMS,
    "record:attachment": _rows("record.attachment", "pk", slug="item__project__slug"),
    "record:position-edit": _rows(
        "record.position", "pk", slug="disagreement__item__project__slug"
    ),
    "concerns:anonymous-raise": _anonymous_keys,
    "concerns:anonymous-follow-up": _anonymous_keys,
    "reports:annex": _each("audience", ("public", "team", "funder")),
    "reports:annex-download": _annex_downloads,
    "reports:file": _uuids("reports.annexfile", "project__slug"),
    "reports:gripp2-export": _each("fmt", ("csv", "md")),
    "reports:registration": _uuids("reports.registration", None),
    "reports:registration-withdraw": _uuids("reports.registration", None),
    "api:member_role": _rows("projects.membership", "member_id"),
    "api:member_remove": _rows("projects.membership", "member_id"),
    "api:invitation_withdraw": _rows("projects.invitation", "invitation_id"),
    "api:log-erase": _entries,
    "api:log-hide": _entries,
    "api:log-show": _entries,
    "api:record_item": _rows("record.item", "item_id"),
    "api:record_feedback_answer": _rows("record.item", "item_id"),
    "api:record_feedback_satisfaction": _rows("record.item", "item_id"),
    "api:record_decision_view": _rows("record.item", "item_id"),
    "api:record_position_create": _rows("record.item", "item_id"),
    "api:record_disagreement_outcome": _rows("record.item", "item_id"),
    "api:record_account_edit": _rows("record.item", "item_id"),
    "api:record_correction_create": _rows("record.item", "item_id"),
    "api:record_position_edit": _rows(
        "record.position", "position_id", slug="disagreement__item__project__slug"
    ),
    "api:reports_annex": _each("audience", ("public", "team", "funder")),
    "api:concern_anonymous_create": _anonymous_keys,
    "api:concern_anonymous_follow_up": _anonymous_keys,
}
for _name in ("version", "edit", "new-draft", "propose", "sign", "comment", "print"):
    FILLS[f"agreements:{_name}"] = VERSIONS
for _name in (
    "agreement_version_detail",
    "agreement_version_save",
    "agreement_version_propose",
    "agreement_version_sign",
    "agreement_comment_list",
    "agreement_comment_create",
):
    FILLS[f"api:{_name}"] = VERSIONS
for _name in ("detail", "reply", "escalate", "ask-team", "summary", "summary-answer", "close"):
    FILLS[f"concerns:{_name}"] = CONCERNS
for _name in (
    "concern_detail",
    "concern_reply_create",
    "concern_escalate",
    "concern_ask_team",
    "concern_summary_propose",
    "concern_summary_answer",
    "concern_close",
):
    FILLS[f"api:{_name}"] = _rows("concerns.concern", "concern_id")


def _document_rows(label: str, names: dict[str, str], path: str = "") -> Fill:
    """Co-owned documents' rows: `names` maps a URL argument to the row's field."""

    def fill(demo: Demo) -> list[dict[str, Any]]:
        from django.apps import apps

        rows = apps.get_model(label)._default_manager.filter(
            **{f"{path}project__slug__in": _slugs(demo)}
        )
        fields = {f"{path}project__slug", *names.values()}
        return [
            {"slug": r[f"{path}project__slug"], **{k: r[v] for k, v in names.items()}}
            for r in rows.values(*fields)
        ]

    return fill


DOCUMENTS = _document_rows("documents.document", {"pk": "pk"})
DOC_VERSIONS = _document_rows(
    "documents.version", {"pk": "document_id", "number": "number"}, "document__"
)
for _name in ("detail", "propose", "compare", "export"):
    FILLS[f"documents:{_name}"] = DOCUMENTS
for _name in ("version", "approve", "dissent", "submit", "suggest"):
    FILLS[f"documents:{_name}"] = DOC_VERSIONS
FILLS["documents:suggestion-decide"] = _document_rows(
    "documents.suggestion",
    {"pk": "of_version__document_id", "sid": "pk"},
    "of_version__document__",
)
for _name in ("document_detail", "document_propose", "document_diff", "document_export"):
    FILLS[f"api:{_name}"] = _document_rows("documents.document", {"document_id": "pk"})
for _name in ("document_approve", "document_dissent", "document_submit", "document_suggest"):
    FILLS[f"api:{_name}"] = _document_rows(
        "documents.version", {"document_id": "document_id", "number": "number"}, "document__"
    )
FILLS["api:document_suggestion_decide"] = _document_rows(
    "documents.suggestion",
    {"document_id": "of_version__document_id", "suggestion_id": "pk"},
    "of_version__document__",
)
QUERIES_DOCUMENTS = {"api:document_diff": "?old=1&new=2"}


def _posts_fills() -> dict[str, Fill]:
    """Posts: the project posts by the project's slug, the site's posts, and the private
    links (a comment's page, a subscription's) made from the demo's rows."""

    def site_posts(demo: Demo) -> list[dict[str, Any]]:
        from workings.posts.models import Post

        return [{"pk": pk} for pk in Post.objects.filter(project=None).values_list("pk", flat=True)]

    def tokens(label: str, make: str) -> Fill:
        def fill(demo: Demo) -> list[dict[str, Any]]:
            from django.apps import apps

            from workings.posts import guards

            rows = apps.get_model(label)._default_manager.all()
            return [{"token": getattr(guards, make)(row)} for row in rows]

        return fill

    fills: dict[str, Fill] = {
        f"posts:{n}": _rows("posts.post", "pk") for n in ("detail", "edit", "image")
    }
    fills.update({f"posts:site-{n}": site_posts for n in ("detail", "edit", "image")})
    fills["posts:comment"] = tokens("posts.comment", "comment_token")
    fills["posts:confirm"] = tokens("posts.subscription", "confirm_token")
    fills["posts:subscription"] = tokens("posts.subscription", "manage_token")
    fills["posts:unsubscribe"] = tokens("posts.subscription", "manage_token")
    return fills


FILLS.update(_posts_fills())

# Verification requests: their pages by request; a former contributor's one-time link is
# known only as a hash, so the crawl opens a link that is not valid (the refusal page).
_VR = _rows("verification.verificationrequest", "pk")
for _name in ("detail", "claims", "send", "remind", "close", "answer", "answers"):
    FILLS[f"verification:{_name}"] = _VR
for _name in ("detail", "claims", "send", "remind", "close", "answers", "answer"):
    FILLS[f"api:verification_{_name}"] = _rows("verification.verificationrequest", "request_id")
FILLS["verification:link"] = lambda demo: [{"token": "not-a-real-token"}]
# Plans and audits: every milestone and every audit of the demo.
for _name in ("milestone", "milestone-edit", "milestone-progress", "evidence-add"):
    FILLS[f"plans:{_name}"] = _rows("plans.milestone", "pk")
for _name in ("plan_milestone_progress", "plan_evidence_add"):
    FILLS[f"api:{_name}"] = _rows("plans.milestone", "milestone_id")
for _name in ("minutes", "minutes-comment", "minutes-finalise"):
    FILLS[f"plans:{_name}"] = _rows("plans.minutes", "pk")
for _name in ("plan_minutes_get", "plan_minutes_comment", "plan_minutes_finalise"):
    FILLS[f"api:{_name}"] = _rows("plans.minutes", "minutes_id")
for _name in ("detail", "assess", "finding-add", "sign"):
    FILLS[f"audits:{_name}"] = _rows("audits.audit", "pk")
for _name in ("audit_get", "audit_assess", "audit_finding_add", "audit_sign"):
    FILLS[f"api:{_name}"] = _rows("audits.audit", "audit_id")

# URLs not crawled, each with the reason. PDFs are made from documents crawled as HTML/JSON.
NOT_CRAWLED = {
    "agreements:pdf": "a PDF of the agreement version crawled as agreements:print",
}
# Query strings for endpoints that need them to show anything.
QUERIES = {
    "api:log-inclusion": "?index=0&tree_size=1",
    "api:log-consistency": "?first=1&second=2",
    "api:log-entries": "?start=0",
    **QUERIES_DOCUMENTS,
}


def _patterns(patterns: Any, ns: str = "") -> Iterator[tuple[str, set[str]]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns)
            yield from _patterns(p.url_patterns, inner)
        elif isinstance(p, URLPattern) and p.name:
            name = f"{ns}:{p.name}" if ns else p.name
            yield name, set(p.pattern.regex.groupindex) | set(p.pattern.converters)


def crawl_urls(demo: Demo) -> tuple[list[tuple[str, str]], list[str]]:
    """(url name, url) for every URL with its arguments filled, and the names that
    could not be filled."""
    urls: dict[str, str] = {}
    unfillable: list[str] = []
    for name, params in _patterns(get_resolver().url_patterns):
        if name in NOT_CRAWLED:
            continue
        if not params:
            kwargs_list: list[dict[str, Any]] = [{}]
        elif params == {"slug"} and name not in FILLS:
            kwargs_list = [{"slug": s} for s in _slugs(demo)]
        elif name in FILLS:
            kwargs_list = FILLS[name](demo)
            if not kwargs_list:
                unfillable.append(f"{name} (the demo has no object for it)")
        else:
            unfillable.append(f"{name} (arguments {sorted(params)})")
            continue
        for kwargs in kwargs_list:
            url = reverse(name, kwargs=kwargs) + QUERIES.get(name, "")
            urls.setdefault(url, name)  # API paths shared by GET and POST: fetched once
    return sorted((n, u) for u, n in urls.items()), unfillable


def _body(response: Any) -> str:
    if response.get("Content-Type", "").startswith("application/pdf"):
        return ""
    if getattr(response, "streaming", False):
        data = b"".join(response.streaming_content)
    else:
        data = response.content
    return data.decode("utf-8", errors="replace")


def _allowed_addresses(demo: Demo, audience: str, url: str) -> set[str]:
    viewer = demo.viewers[audience]
    allowed = set(NOT_PERSONAL)
    if viewer is not None:
        allowed |= {a.email.casefold() for a in viewer.emailaddress_set.all()}
        allowed.add(viewer.email.casefold())
    stride = demo.projects["stride"]
    managed = (
        f"/projects/{stride.slug}/members/",
        f"/api/v1/projects/{stride.slug}/invitations",
        f"/api/v1/projects/{stride.slug}/log/entries",
    )
    if audience == "lead" and url.startswith(managed):
        # A lead manages the invitations they sent: the addresses they typed.
        allowed |= {i.email.casefold() for i in stride.invitations.all()}
    if url.startswith("/invitations/"):
        allowed.add(PENDING_ADDRESS)  # the link was sent to this address only
    return allowed


def _without(text: str, addresses: set[str]) -> str:
    return EMAIL.sub(lambda m: "" if m[0].casefold() in addresses else m[0], text)


def test_every_url_can_be_filled_from_the_demo(demo: Demo) -> None:
    urls, unfillable = crawl_urls(demo)
    assert not unfillable, (
        "URLs the audience crawl cannot fill (add them to FILLS in "
        f"tests/audience/test_audience_crawl.py): {unfillable}"
    )
    assert len(urls) > 100


@pytest.mark.parametrize("audience", AUDIENCES)
def test_audience_sees_nothing_it_is_not_entitled_to(demo: Demo, audience: str) -> None:
    urls, _ = crawl_urls(demo)
    client = Client(raise_request_exception=False)
    viewer = demo.viewers[audience]
    if viewer is not None:
        client.force_login(viewer)
    banned = demo.forbidden[audience]
    leaks: list[str] = []
    for name, url in urls:
        with transaction.atomic():  # a GET that writes (the witness page) is undone
            response = client.get(url)
            transaction.set_rollback(True)
        if response.status_code >= 500:
            leaks.append(f"{url} ({name}): server error {response.status_code}")
            continue
        text = _body(response)
        allowed = _allowed_addresses(demo, audience, url)
        for address in sorted({m.casefold() for m in EMAIL.findall(text)} - allowed):
            leaks.append(f"{url} ({name}): shows the address {address}")
        # An address this reader may see is not a real name shown behind a pseudonym.
        text = _without(text, allowed)
        for marker in banned:
            if marker in text:
                leaks.append(f"{url} ({name}): shows {marker!r}")
    assert not leaks, f"{audience} is shown what it must not see:\n" + "\n".join(leaks)
