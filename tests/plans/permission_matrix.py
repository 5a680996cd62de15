"""Matrix entries for the plan, written by hand from the rules (plans/permissions.py):

- members and the funder's reviewers read the plan, its milestones and the training log;
- only the lead plans and re-plans milestones;
- a milestone's progress is reported by its owner (here the contributor) or the lead;
- evidence and training are added by those who write entries (lead, researcher, contributor);
- minutes are drafted by the lead or a researcher, commented on by contributors only, and made
  final only by the person who wrote them (here the lead).
"""

from __future__ import annotations

from typing import Any

from tests.matrix import CONTRIBUTOR, LEAD, MEMBERS, RESEARCHER, Case, slug_kwargs

LEAD_ONLY = frozenset({LEAD})
OWNER_OR_LEAD = frozenset({CONTRIBUTOR, LEAD})
WRITERS = frozenset({LEAD, RESEARCHER, CONTRIBUTOR})


def setup(world: Any) -> None:
    from workings.plans import services

    milestone = services.milestone_add(
        actor=world.users["lead"],
        project=world.project,
        kind="involvement",
        title="Contributors review the protocol",
        due_on="2026-05-01",
        owner=world.memberships["contributor"].pk,
    )
    world.extra["plans_milestone"] = milestone
    world.extra["plans_minutes"] = _minutes_draft(world)


def _minutes_draft(world: Any) -> Any:
    import datetime as dt

    from workings.core import clock
    from workings.plans import minutes

    today = clock.today()
    return minutes.minutes_draft(
        actor=world.users["lead"],
        project=world.project,
        title="Steering committee",
        met_on=today - dt.timedelta(days=1),
        draft="We met.",
        comments_until=today + dt.timedelta(days=14),
    )


def _pk(name: str = "pk") -> Any:
    return lambda w: {"slug": w.project.slug, name: w.extra["plans_milestone"].pk}


def _milestone(world: Any) -> dict[str, Any]:
    return {
        "kind": "research",
        "title": "Ethics submission",
        "due_on": "2026-07-01",
        "owner": world.memberships["researcher"].pk,
    }


def _progress(world: Any) -> dict[str, Any]:
    return {"status": "under_way", "progress": 20}


def _evidence(world: Any) -> dict[str, Any]:
    return {"kind": "link", "path": f"/projects/{world.project.slug}/plans/", "note": "The plan"}


def _training(world: Any) -> dict[str, Any]:
    return {
        "kind": "support",
        "what": "Help with video calls",
        "given_on": "2026-01-05",
        "given_by": "The project's coordinator",
    }


def _minutes_pk(name: str = "pk") -> Any:
    return lambda w: {"slug": w.project.slug, name: w.extra["plans_minutes"].pk}


def _minutes(world: Any) -> dict[str, Any]:
    import datetime as dt

    from workings.core import clock

    today = clock.today()
    return {
        "title": "Steering committee, again",
        "met_on": today.isoformat(),
        "draft": "We met again.",
        "comments_until": (today + dt.timedelta(days=7)).isoformat(),
    }


def _comment(world: Any) -> dict[str, Any]:
    return {"body": "Please add what we said about travel."}


def _finalise(world: Any) -> dict[str, Any]:
    # Comments are still open, so the writer gets a plain refusal (allowed in, 400).
    return {"final": "", "change_note": "Nothing changed."}


MINUTES_WRITERS = frozenset({LEAD, RESEARCHER})
CONTRIBUTOR_ONLY = frozenset({CONTRIBUTOR})
MINUTES_API = Case(
    get=MEMBERS, post=MINUTES_WRITERS, kwargs=slug_kwargs, json=True, post_data=_minutes
)
TRAINING_API = Case(get=MEMBERS, post=WRITERS, kwargs=slug_kwargs, json=True, post_data=_training)

CASES: dict[str, Case] = {
    "plans:home": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "plans:milestone-new": Case(
        get=LEAD_ONLY, post=LEAD_ONLY, kwargs=slug_kwargs, post_data=_milestone
    ),
    "plans:milestone": Case(get=MEMBERS, post=None, kwargs=_pk()),
    "plans:milestone-edit": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=_pk(), post_data=_milestone),
    "plans:milestone-progress": Case(
        get=None, post=OWNER_OR_LEAD, kwargs=_pk(), post_data=_progress
    ),
    "plans:evidence-add": Case(get=None, post=WRITERS, kwargs=_pk(), post_data=_evidence),
    "plans:training-new": Case(get=WRITERS, post=WRITERS, kwargs=slug_kwargs, post_data=_training),
    # API
    "api:plan_get": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:plan_milestone_add": Case(
        get=None, post=LEAD_ONLY, kwargs=slug_kwargs, json=True, post_data=_milestone
    ),
    "api:plan_milestone_progress": Case(
        get=None, post=OWNER_OR_LEAD, kwargs=_pk("milestone_id"), json=True, post_data=_progress
    ),
    "api:plan_evidence_add": Case(
        get=None, post=WRITERS, kwargs=_pk("milestone_id"), json=True, post_data=_evidence
    ),
    "plans:minutes-list": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "plans:minutes-new": Case(
        get=MINUTES_WRITERS, post=MINUTES_WRITERS, kwargs=slug_kwargs, post_data=_minutes
    ),
    "plans:minutes": Case(get=MEMBERS, post=None, kwargs=_minutes_pk()),
    "plans:minutes-comment": Case(
        get=None, post=CONTRIBUTOR_ONLY, kwargs=_minutes_pk(), post_data=_comment
    ),
    "plans:minutes-finalise": Case(
        get=None, post=LEAD_ONLY, kwargs=_minutes_pk(), post_data=_finalise
    ),
    "api:plan_minutes_list": MINUTES_API,
    "api:plan_minutes_draft": MINUTES_API,
    "api:plan_minutes_get": Case(
        get=MEMBERS, post=None, kwargs=_minutes_pk("minutes_id"), json=True
    ),
    "api:plan_minutes_comment": Case(
        get=None,
        post=CONTRIBUTOR_ONLY,
        kwargs=_minutes_pk("minutes_id"),
        json=True,
        post_data=_comment,
    ),
    "api:plan_minutes_finalise": Case(
        get=None, post=LEAD_ONLY, kwargs=_minutes_pk("minutes_id"), json=True, post_data=_finalise
    ),
    "api:plan_training_list": TRAINING_API,
    "api:plan_training_log": TRAINING_API,
}
