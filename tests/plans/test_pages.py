"""The plans page: its body is kept while the project's log does not move, it asks the
database a bounded number of times however many milestones there are, and it shows the
picture with its words and the table."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import build_world
from workings.plans import services

pytestmark = pytest.mark.django_db


def _add(world: Any, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        services.milestone_add(
            actor=world.users["lead"],
            project=world.project,
            kind="research" if i % 2 else "involvement",
            title=f"Step {i}",
            due_on=dt.date(2026, 1, 1) + dt.timedelta(days=3 * i),
            owner=world.memberships["researcher"].pk,
        )


def _count(client: Client, url: str) -> tuple[int, str]:
    from workings.accounts import header

    header.clear()  # the page header's queries counted every time (accounts/header.py)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_the_plans_page_is_bounded_kept_and_readable() -> None:
    world: Any = build_world()
    client = Client()
    client.force_login(world.users["contributor"])
    url = f"/projects/{world.project.slug}/plans/"
    _add(world, 5)
    few, page = _count(client, url)
    assert "Timeline of the project's milestones" in page and "Step 4" in page
    assert 'role="img"' in page and "Every milestone is listed in the table below." in page
    kept, _page = _count(client, url)
    assert kept < few  # the body is kept: its reads are not repeated
    _add(world, 195, start=5)
    many, page = _count(client, url)
    assert many == few
    assert "Step 199" in page
