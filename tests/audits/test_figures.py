"""Audit figures computed against a hand-built record: exact numbers, each mapped to the UK
Standards and linked to its evidence; and a bounded number of queries however long the
record (100 and 10,000 entries)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.audits.helpers import EXPECTED, at, hand_built_record
from tests.factories import build_world
from workings.audits import figures, services
from workings.audits.standards import Standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> Any:
    return build_world()


def test_figures_of_a_hand_built_record_are_exact(world: Any) -> None:
    hand_built_record(world)
    with at("2026-06-01"):
        audit = services.audit_open(actor=world.users["funder"], project=world.project)
    got = {f["key"]: f["counts"] for f in audit.figures}
    assert got == EXPECTED
    slug = world.project.slug
    urls = {f["key"]: f["url"] for f in audit.figures}
    assert urls["milestones"] == f"/projects/{slug}/plans/"
    assert urls["feedback"] == f"/projects/{slug}/working-record/?kind=feedback"


def test_every_figure_maps_to_the_standards_and_reads_in_plain_words(world: Any) -> None:
    hand_built_record(world)
    with at("2026-06-01"):
        audit = services.audit_open(actor=world.users["contributor"], project=world.project)
    described = {f["key"]: figures.describe(f) for f in audit.figures}
    assert set(described) == set(figures.STANDARDS)
    covered = {key for d in described.values() for key, _label in d.standards}
    assert covered == set(Standard.values)
    assert described["decisions"].sentence == (
        "2 of 3 decisions gave contributors the influence promised; 1 fell short."
    )
    assert described["decisions"].flagged and described["feedback"].flagged
    assert not described["leavers"].flagged


def _grow(world: Any, n: int) -> None:
    """n feedback entries and n decisions written straight into the tables (only the query
    count is under test here; the services are tested elsewhere)."""
    from workings.core.clock import now
    from workings.record.models import Decision, Feedback, Item

    author = world.users["contributor"]
    made = now()
    items = Item.objects.bulk_create(
        Item(
            project=world.project,
            kind="feedback" if i % 2 else "decision",
            area="recruitment",
            occurred_on=dt.date(2026, 2, 1),
            created_at=made,
            author=author,
            author_membership=world.memberships["contributor"],
            title=f"Entry {i}",
            due_on=dt.date(2026, 2, 15),
        )
        for i in range(n)
    )
    Feedback.objects.bulk_create(Feedback(item=i) for i in items if i.kind == "feedback")
    Decision.objects.bulk_create(
        Decision(item=i, decided_by="Group", influence="consulted", promised="involved")
        for i in items
        if i.kind == "decision"
    )


def _queries(world: Any) -> int:
    with CaptureQueriesContext(connection) as ctx:
        figures.compute(world.project, dt.date(2026, 6, 1))
    return len(ctx.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_record(world: Any) -> None:
    hand_built_record(world)
    _grow(world, 100)
    small = _queries(world)
    _grow(world, 9900)
    large = _queries(world)
    assert small == large
    assert large <= 20
    counts = {f["key"]: f["counts"] for f in figures.compute(world.project, dt.date(2026, 6, 1))}
    assert counts["feedback"]["given"] == 3 + 5000
    assert counts["decisions"]["promised"] == 3 + 5000
