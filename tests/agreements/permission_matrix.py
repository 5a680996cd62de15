"""Matrix entries for agreement pages and API, written by hand from the rules:
- reading (every version, comments, answers, print, PDF, diff): whoever may read the record
  (members here; the world project is not published);
- starting, editing, proposing, new versions: leads and public contributors;
- commenting: members;
- answering: the version's parties (all current leads and contributors; no one is named).

Setup: version 1 in force (lead and contributor agreed), version 2 an amendment proposed."""

from __future__ import annotations

from typing import Any

from tests.matrix import CONTRIBUTOR, LEAD, MEMBERS, Case, slug_kwargs

DRAFTERS = frozenset({LEAD, CONTRIBUTOR})
PARTIES = frozenset({LEAD, CONTRIBUTOR})


def setup(world: Any) -> None:
    from workings.agreements import services

    lead, contributor = world.users["lead"], world.users["contributor"]
    v1 = services.draft_start(actor=lead, project=world.project, source="template")
    v1 = services.version_propose(actor=lead, version=v1)
    services.signature_create(actor=lead, version=v1, answer="agree")
    services.signature_create(actor=contributor, version=v1, answer="agree")
    v2 = services.draft_start(
        actor=contributor, project=world.project, source="version", from_number=1
    )
    services.comment_create(actor=contributor, version=v2, section="time", body="Less, please.")
    v2 = services.version_propose(actor=contributor, version=v2)
    world.extra["agreement_v2"] = v2


def _v(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "number": 2}


CASES: dict[str, Case] = {
    "agreements:home": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "agreements:start": Case(get=DRAFTERS, post=DRAFTERS, kwargs=slug_kwargs),
    "agreements:diff": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "agreements:version": Case(get=MEMBERS, post=None, kwargs=_v),
    "agreements:edit": Case(get=DRAFTERS, post=DRAFTERS, kwargs=_v),
    "agreements:new-draft": Case(get=DRAFTERS, post=DRAFTERS, kwargs=_v),
    "agreements:propose": Case(get=DRAFTERS, post=DRAFTERS, kwargs=_v),
    "agreements:sign": Case(get=PARTIES, post=PARTIES, kwargs=_v),
    "agreements:comment": Case(get=MEMBERS, post=MEMBERS, kwargs=_v),
    "agreements:print": Case(get=MEMBERS, post=None, kwargs=_v),
    "agreements:pdf": Case(get=MEMBERS, post=None, kwargs=_v),
    "api:agreement_summary": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:agreement_version_list": Case(get=MEMBERS, post=DRAFTERS, kwargs=slug_kwargs, json=True),
    "api:agreement_version_start": Case(get=MEMBERS, post=DRAFTERS, kwargs=slug_kwargs, json=True),
    "api:agreement_version_detail": Case(
        get=MEMBERS, post=None, kwargs=_v, json=True, other={"PUT": DRAFTERS}
    ),
    "api:agreement_version_save": Case(
        get=MEMBERS, post=None, kwargs=_v, json=True, other={"PUT": DRAFTERS}
    ),
    "api:agreement_version_propose": Case(get=None, post=DRAFTERS, kwargs=_v, json=True),
    "api:agreement_version_sign": Case(get=None, post=PARTIES, kwargs=_v, json=True),
    "api:agreement_comment_list": Case(get=MEMBERS, post=MEMBERS, kwargs=_v, json=True),
    "api:agreement_comment_create": Case(get=MEMBERS, post=MEMBERS, kwargs=_v, json=True),
    "api:agreement_diff": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
}
