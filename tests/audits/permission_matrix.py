"""Matrix entries for audits, written by hand from the rules (audits/permissions.py):

- members and the funder's reviewers read audits (figures, each side's totals, findings);
- an audit is asked for by the funder's reviewers or a public contributor;
- contributors and the research team (lead, researcher) give a self-assessment;
- findings are added by the funder's reviewers and those who write entries;
- only the funder's reviewers sign an audit (never the lead).
"""

from __future__ import annotations

from typing import Any

from tests.matrix import CONTRIBUTOR, FUNDER, LEAD, MEMBERS, RESEARCHER, Case, slug_kwargs

ASKERS = frozenset({FUNDER, CONTRIBUTOR})
SIDES = frozenset({LEAD, RESEARCHER, CONTRIBUTOR})
FINDERS = frozenset({FUNDER, LEAD, RESEARCHER, CONTRIBUTOR})
SIGNERS = frozenset({FUNDER})


def setup(world: Any) -> None:
    from tests.record.helpers import meeting
    from workings.audits import services

    meeting(world)
    world.extra["audit"] = services.audit_open(actor=world.users["funder"], project=world.project)


def _pk(name: str = "pk") -> Any:
    return lambda w: {"slug": w.project.slug, name: w.extra["audit"].pk}


def _ratings(world: Any) -> dict[str, Any]:
    from workings.audits.standards import Standard

    return {s.value: 4 for s in Standard}


def _finding(world: Any) -> dict[str, Any]:
    return {
        "standard": "support",
        "text": "Nobody has had training yet.",
        "action": "Book a research awareness session",
        "owner": world.memberships["lead"].pk,
        "due_on": "2026-09-01",
    }


LIST_API = Case(get=MEMBERS, post=ASKERS, kwargs=slug_kwargs, json=True)

CASES: dict[str, Case] = {
    "audits:list": Case(get=MEMBERS, post=ASKERS, kwargs=slug_kwargs),
    "audits:detail": Case(get=MEMBERS, post=None, kwargs=_pk()),
    "audits:assess": Case(get=SIDES, post=SIDES, kwargs=_pk(), post_data=_ratings),
    "audits:finding-add": Case(get=None, post=FINDERS, kwargs=_pk(), post_data=_finding),
    "audits:sign": Case(
        get=None, post=SIGNERS, kwargs=_pk(), post_data=lambda w: {"statement": "Fine."}
    ),
    # API
    "api:audit_list": LIST_API,
    "api:audit_open": LIST_API,
    "api:audit_get": Case(get=MEMBERS, post=None, kwargs=_pk("audit_id"), json=True),
    "api:audit_assess": Case(
        get=None,
        post=SIDES,
        kwargs=_pk("audit_id"),
        json=True,
        post_data=lambda w: {"ratings": _ratings(w)},
    ),
    "api:audit_finding_add": Case(
        get=None, post=FINDERS, kwargs=_pk("audit_id"), json=True, post_data=_finding
    ),
    "api:audit_sign": Case(
        get=None, post=SIGNERS, kwargs=_pk("audit_id"), json=True, post_data=lambda w: {}
    ),
}
