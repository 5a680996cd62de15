"""The funder's portfolio columns of plans and audits: milestones slipped, and the last
audit's result (flagged when the next scheduled one is overdue), for all projects at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import build_world
from tests.plans.helpers import milestone
from tests.record.helpers import meeting
from workings.audits import services as audit_services
from workings.core.portfolio import portfolio_columns

pytestmark = pytest.mark.django_db


def test_slipped_milestones_and_last_audit_columns() -> None:
    world: Any = build_world()
    milestone(world, due_on="2026-02-01")
    milestone(world, due_on="2026-09-01", title="Later")
    meeting(world)
    audit_services.audit_open(actor=world.users["funder"], project=world.project)
    columns = {c.key: c for c in portfolio_columns()}
    projects = [world.project, world.other_project]
    with CaptureQueriesContext(connection) as ctx:
        slipped = columns["milestones_slipped"].compute(projects, dt.date(2026, 3, 1))
        audits = columns["last_audit"].compute(projects, dt.date(2026, 3, 1))
    assert len(ctx.captured_queries) <= 4
    assert slipped[world.project.pk].value == 1 and slipped[world.project.pk].flagged
    assert world.other_project.pk not in slipped
    assert audits[world.project.pk].value == "Open"
    # The other project started 2026-01-01 and has had no audit: due 2027-01-01.
    assert audits[world.other_project.pk].value == "None yet"
    assert not audits[world.other_project.pk].flagged
    later = columns["last_audit"].compute(projects, dt.date(2027, 2, 1))
    assert later[world.other_project.pk].flagged
