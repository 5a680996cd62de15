"""Matrix entries for verification requests, written by hand from the rules
(verification/permissions.py, docs/decisions/verification-audiences.md):

- members and the funder's reviewers see the list and a sent request; a draft is the funder's;
- only the funder's reviewers draft, edit, send, remind, close, and read each person's
  answers: never the lead, never the team;
- only a contributor who was asked answers (once); a former contributor uses their link,
  which anyone holding it may open (it is sent to their address only).
"""

from __future__ import annotations

from typing import Any

from tests.matrix import ALL, CONTRIBUTOR, FUNDER, MEMBERS, Case, slug_kwargs

REVIEWER = frozenset({FUNDER})
ASKED = frozenset({CONTRIBUTOR})


def setup(world: Any) -> None:
    import datetime as dt

    from tests.factories import add_member, make_user
    from workings.core import clock
    from workings.projects import services as project_services
    from workings.verification import services

    former = make_user("verification.former@example.org", "Former Helper")
    add_member(world.project, world.users["lead"], former, "contributor")
    project_services.membership_leave(actor=former, project=world.project, reason="", credit="name")
    funder = world.users["funder"]
    text = "Contributors chose the outcome. They were paid on time."

    def draft() -> Any:
        return services.request_create(
            actor=funder,
            project=world.project,
            title="Check",
            deadline=clock.today() + dt.timedelta(days=14),
            source="annex",
            text=text,
        )

    sent, tokens = services.request_send(actor=funder, request=draft())
    world.extra.update(
        verification_draft=draft(),
        verification_sent=sent,
        verification_token=tokens[former.pk],
        verification_claims=list(sent.claims.values_list("pk", flat=True)),
    )


def _pk(key: str, name: str = "pk") -> Any:
    return lambda w: {"slug": w.project.slug, name: w.extra[key].pk}


def _answer_form(world: Any) -> dict[str, Any]:
    return {f"choice_{pk}": "confirm" for pk in world.extra["verification_claims"]}


def _answer_json(world: Any) -> dict[str, Any]:
    return {
        "answers": [{"claim": pk, "choice": "confirm"} for pk in world.extra["verification_claims"]]
    }


SENT = _pk("verification_sent")
DRAFT = _pk("verification_draft")
SENT_API = _pk("verification_sent", "request_id")
DRAFT_API = _pk("verification_draft", "request_id")

CASES: dict[str, Case] = {
    "verification:list": Case(get=MEMBERS, post=REVIEWER, kwargs=slug_kwargs),
    "verification:detail": Case(get=MEMBERS, post=None, kwargs=SENT),
    "verification:claims": Case(
        get=REVIEWER, post=REVIEWER, kwargs=DRAFT, post_data=lambda w: {"claims": "One.\nTwo."}
    ),
    "verification:send": Case(get=None, post=REVIEWER, kwargs=DRAFT),
    "verification:remind": Case(get=None, post=REVIEWER, kwargs=SENT),
    "verification:close": Case(get=None, post=REVIEWER, kwargs=SENT),
    "verification:answer": Case(get=ASKED, post=ASKED, kwargs=SENT, post_data=_answer_form),
    "verification:answers": Case(get=REVIEWER, post=None, kwargs=SENT),
    # The link is the former contributor's key: whoever holds it may open it (no account).
    "verification:link": Case(
        get=ALL,
        post=ALL,
        kwargs=lambda w: {"token": w.extra["verification_token"]},
        post_data=lambda w: {},
    ),
    # API
    "api:verification_list": Case(
        get=MEMBERS,
        post=REVIEWER,
        kwargs=slug_kwargs,
        json=True,
        post_data=lambda w: {"deadline": "2099-01-01", "source": "annex", "text": "A claim."},
    ),
    "api:verification_create": Case(
        get=MEMBERS,
        post=REVIEWER,
        kwargs=slug_kwargs,
        json=True,
        post_data=lambda w: {"deadline": "2099-01-01", "source": "annex", "text": "A claim."},
    ),
    "api:verification_detail": Case(get=MEMBERS, post=None, kwargs=SENT_API, json=True),
    "api:verification_claims": Case(
        get=None,
        post=None,
        kwargs=DRAFT_API,
        json=True,
        post_data=lambda w: {"claims": ["One.", "Two."]},
        other={"PUT": REVIEWER},
    ),
    "api:verification_send": Case(get=None, post=REVIEWER, kwargs=DRAFT_API, json=True),
    "api:verification_remind": Case(get=None, post=REVIEWER, kwargs=SENT_API, json=True),
    "api:verification_close": Case(get=None, post=REVIEWER, kwargs=SENT_API, json=True),
    "api:verification_answers": Case(
        get=REVIEWER, post=ASKED, kwargs=SENT_API, json=True, post_data=_answer_json
    ),
    "api:verification_answer": Case(
        get=REVIEWER, post=ASKED, kwargs=SENT_API, json=True, post_data=_answer_json
    ),
}
