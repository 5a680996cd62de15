"""Planning milestones, tying them, reporting progress, evidence, slippage and training:
what the services accept, what they refuse (in plain English, writing nothing), and what
the log records."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.factories import build_world
from tests.plans.helpers import milestone, tied_pair, training
from tests.record.helpers import meeting
from workings.core.clock import frozen_at
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.events.models import Entry
from workings.plans import selectors, services
from workings.plans.models import Milestone, Training
from workings.plans.notices import slippage_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> Any:
    return build_world()


def _at(day: str) -> Any:
    d = dt.date.fromisoformat(day)
    return frozen_at(dt.datetime(d.year, d.month, d.day, 12, tzinfo=dt.UTC))


def test_a_milestone_is_planned_and_logged(world: Any) -> None:
    m = milestone(world)
    assert m.kind == "research" and m.status == "planned" and m.progress == 0
    entry = Entry.objects.filter(log__project=world.project).order_by("-seq").first()
    assert entry.type == "plans.milestone_added"


def test_only_the_lead_plans(world: Any) -> None:
    for role in ("researcher", "contributor", "observer", "funder"):
        with pytest.raises(NotAllowed):
            milestone(world, actor=world.users[role])
    assert not Milestone.objects.exists()


@pytest.mark.parametrize(
    ("over", "field", "words"),
    [
        ({"due_on": "2025-12-31"}, "due_on", "before the project starts"),
        ({"due_on": "next week"}, "due_on", "give a date like"),
        ({"title": "  "}, "title", "cannot be empty"),
        ({"kind": "holiday"}, "kind", "research or involvement"),
        ({"owner": 999999}, "owner", "current member"),
    ],
)
def test_bad_milestones_are_refused_plainly(world: Any, over: Any, field: str, words: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        milestone(world, **over)
    assert caught.value.field == field and words in caught.value.message
    assert not Milestone.objects.exists()


def test_a_tie_to_another_projects_milestone_is_refused(world: Any) -> None:
    from workings.projects.models import Membership

    other_lead = world.users["other_lead"]
    theirs = services.milestone_add(
        actor=other_lead,
        project=world.other_project,
        kind="research",
        title="Theirs",
        due_on="2026-06-01",
        owner=Membership.objects.get(project=world.other_project, user=other_lead).pk,
    )
    with pytest.raises(ValidationFailed) as caught:
        milestone(world, kind="involvement", tied_to=theirs.pk)
    assert "another project" in caught.value.message
    assert not Milestone.objects.filter(project=world.project).exists()


def test_only_involvement_ties_to_research(world: Any) -> None:
    research = milestone(world)
    with pytest.raises(ValidationFailed):
        milestone(world, kind="research", tied_to=research.pk)
    involvement = milestone(world, kind="involvement", title="Review")
    with pytest.raises(ValidationFailed):
        milestone(world, kind="involvement", tied_to=involvement.pk)


def test_research_done_before_its_tied_involvement_is_flagged(world: Any) -> None:
    research, involvement = tied_pair(world)
    services.milestone_progress(actor=world.users["lead"], milestone=research, status="done")
    found = selectors.flags(selectors.milestone_list(project=world.project), dt.date(2026, 3, 1))
    assert [(r.pk, i.pk) for r, i in found.ties] == [(research.pk, involvement.pk)]
    services.milestone_progress(
        actor=world.users["contributor"], milestone=involvement, status="done"
    )
    found = selectors.flags(selectors.milestone_list(project=world.project), dt.date(2026, 3, 1))
    # Done the same day: in order enough. Done later than the research would stay flagged.
    assert found.ties == []


def test_progress_is_reported_by_the_owner_or_the_lead_only(world: Any) -> None:
    _research, involvement = tied_pair(world)
    with pytest.raises(NotAllowed):
        services.milestone_progress(
            actor=world.users["researcher"], milestone=involvement, status="under_way"
        )
    with pytest.raises(ValidationFailed):
        services.milestone_progress(
            actor=world.users["contributor"],
            milestone=involvement,
            status="under_way",
            progress=140,
        )
    m = services.milestone_progress(
        actor=world.users["contributor"], milestone=involvement, status="under_way", progress="40"
    )
    assert m.progress == 40 and m.status == "under_way"


def test_slippage_is_recorded_once_and_told_to_lead_contributors_and_funder(world: Any) -> None:
    m = milestone(world, due_on="2026-02-01")
    sent: list[dict[str, Any]] = []

    def send(**notice: Any) -> list[Any]:
        sent.append(notice)
        return list(notice["user_ids"])

    with _at("2026-02-02"):
        counts = slippage_reminders(dt.date(2026, 2, 2), send)
        again = slippage_reminders(dt.date(2026, 2, 3), send)
    m.refresh_from_db()
    assert m.slipped_on == dt.date(2026, 2, 2)
    assert again == {"milestones_slipped": 0}
    told = set(sent[0]["user_ids"])
    expected = {world.users[r].pk for r in ("lead", "contributor", "funder")}
    assert told == expected and counts == {"milestones_slipped": 3}
    assert (
        Entry.objects.filter(log__project=world.project, type="plans.milestone_slipped").count()
        == 1
    )


def test_re_planning_a_slipped_milestone_keeps_the_slip(world: Any) -> None:
    """Separation of powers: the lead cannot make a slip disappear by moving the date."""
    m = milestone(world, due_on="2026-02-01")
    services.milestone_slip_record(milestone=m, today=dt.date(2026, 2, 2))
    m = services.milestone_change(
        actor=world.users["lead"],
        milestone=m,
        title=m.title,
        due_on="2026-09-01",
        owner=m.owner_id,
    )
    assert m.slipped_on == dt.date(2026, 2, 2)
    found = selectors.flags([m], dt.date(2026, 3, 1))
    assert m.pk in found.slipped


def test_evidence_must_be_of_this_project(world: Any) -> None:
    m = milestone(world)
    item = meeting(world)
    e = services.evidence_add(
        actor=world.users["contributor"], milestone=m, kind="entry", ref=item.pk, note="Minutes"
    )
    assert e.added_by == world.memberships["contributor"]
    with pytest.raises(ValidationFailed):
        services.evidence_add(actor=world.users["lead"], milestone=m, kind="entry", ref=999999)
    with pytest.raises(ValidationFailed):
        services.evidence_add(
            actor=world.users["lead"], milestone=m, kind="link", path="https://evil.example/"
        )
    with pytest.raises(NotAllowed):
        services.evidence_add(actor=world.users["observer"], milestone=m, kind="entry", ref=item.pk)


def test_training_is_logged_and_a_contributor_logs_only_their_own(world: Any) -> None:
    t = training(world)
    assert t.person == world.memberships["contributor"] and str(t.hours) == "3.00"
    with pytest.raises(ValidationFailed):
        training(world, actor=world.users["contributor"], person=world.memberships["lead"].pk)
    training(world, actor=world.users["contributor"], what="Buddy support")
    with pytest.raises(ValidationFailed):
        training(world, given_on="2999-01-01")
    with pytest.raises(NotAllowed):
        training(world, actor=world.users["observer"])
    assert Training.objects.count() == 2
