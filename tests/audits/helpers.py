"""A hand-built record whose audit figures are known exactly (test_figures.py), and small
builders for audit tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.concerns.helpers import raise_open
from tests.documents.helpers import agree_documents, summary
from tests.record.helpers import answer, decision, feedback
from workings.core.clock import frozen_at
from workings.documents import services as document_services
from workings.plans import services as plan_services
from workings.projects import services as project_services


def at(day: str) -> Any:
    d = dt.date.fromisoformat(day)
    return frozen_at(dt.datetime(d.year, d.month, d.day, 12, tzinfo=dt.UTC))


def hand_built_record(world: Any) -> None:
    """Everything test_figures.py counts, each on a known day."""
    lead, contributor = world.users["lead"], world.users["contributor"]
    people = world.memberships
    with at("2026-02-01"):
        agree_documents(world, owners=[contributor])  # the template's decision rights
        # Recruitment promised "involved": collaborating meets it. Dissemination promised
        # "contributor-led": consulted falls short. Budget promised "informed": met.
        decision(world, area="recruitment", influence="collaborating")
        decision(world, area="dissemination", influence="consulted", title="Press release")
        decision(world, area="budget", influence="informed", title="Budget split")
        doc = summary(world)
        document_services.version_approve(actor=contributor, document=doc, number=1)
        document_services.document_create(
            actor=world.users["researcher"],
            project=world.project,
            kind="other",
            title="Leaflet",
            text="A leaflet.",
        )
    with at("2026-03-01"):
        on_time, late = feedback(world), feedback(world, title="Second")
        feedback(world, title="Never answered")
        raise_open(world)
        research = plan_services.milestone_add(
            actor=lead,
            project=world.project,
            kind="research",
            title="Protocol",
            due_on="2026-04-01",
            owner=people["researcher"].pk,
        )
        plan_services.milestone_add(
            actor=lead,
            project=world.project,
            kind="involvement",
            title="Review protocol",
            due_on="2026-03-15",
            owner=people["contributor"].pk,
            tied_to=research.pk,
        )
        plan_services.milestone_add(
            actor=lead,
            project=world.project,
            kind="research",
            title="Recruit",
            due_on="2026-12-01",
            owner=people["researcher"].pk,
        )
    with at("2026-03-05"):
        answer(world, on_time)
    with at("2026-03-20"):
        plan_services.milestone_progress(actor=lead, milestone=research, status="done")
        for who, hours in (("contributor", "3"), ("researcher", "1.5")):
            plan_services.training_log(
                actor=lead,
                project=world.project,
                person=people[who].pk,
                kind="training",
                what="Research awareness",
                given_on="2026-03-19",
                given_by="A trainer",
                hours=hours,
            )
    with at("2026-04-30"):
        answer(world, late)
        project_services.membership_leave(
            actor=world.users["observer"],
            project=world.project,
            reason="Moved away",
            credit="name",
            reason_public=True,
        )


EXPECTED = {
    "agreement": {"in_force": 1, "parties": 2, "agreed": 2},
    "decisions": {"promised": 3, "met": 2, "short": 1},
    "feedback": {"given": 3, "answered": 2, "on_time": 1, "waiting": 1, "overdue": 1},
    "concerns": {"raised": 1, "open": 1, "closed": 0},
    "milestones": {
        "planned": 3,
        "due": 2,
        "done": 1,
        "on_time": 1,
        "slipped": 1,
        "involvement": 1,
    },
    "documents": {"documents": 2, "approved": 1},
    "training": {"entries": 2, "people": 2, "contributors": 1, "hours": "4.50"},
    "governance": {"contributors": 1, "owners": 1},
    "leavers": {"left": 1, "contributors": 0, "reasons_shared": 1},
    "payments": {"claims": 0, "paid": 0, "late": 0},
}
