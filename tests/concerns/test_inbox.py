"""The reviewers' inbox: most urgent first, overdue ones flagged, one card each (375 px)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests.concerns.helpers import raise_confidential
from workings.core.clock import frozen_at

pytestmark = pytest.mark.django_db


def test_overdue_concerns_come_first_and_say_how_late(world: Any, client_for: Any) -> None:
    with frozen_at(dt.datetime(2026, 1, 5, tzinfo=dt.UTC)):
        raise_confidential(world, subject="Long ago")
    with frozen_at(dt.datetime(2026, 1, 2, tzinfo=dt.UTC)):
        raise_confidential(world, subject="Even longer ago")
    raise_confidential(world, subject="Today")
    with frozen_at(dt.datetime(2026, 3, 1, tzinfo=dt.UTC)):
        text = client_for(world.users["funder"]).get(reverse("concerns:inbox")).content.decode()
        body = client_for(world.users["funder"]).get(reverse("api:concern_inbox")).json()
    assert text.index("Even longer ago") < text.index("Long ago") < text.index("Today")
    assert "2 concerns are past their answer date." in text
    assert "Overdue by" in text and 'class="inbox-item overdue"' in text
    assert [c["subject"] for c in body] == ["Even longer ago", "Long ago", "Today"]
    assert [c["overdue"] for c in body] == [True, True, False]


def test_the_inbox_can_show_one_project(world: Any, client_for: Any) -> None:
    raise_confidential(world, subject="In the world project")
    reviewer = client_for(world.users["funder"])
    url = reverse("concerns:inbox")
    mine = reviewer.get(f"{url}?project={world.project.slug}").content.decode()
    assert "In the world project" in mine
    other = reviewer.get(f"{url}?project={world.other_project.slug}").content.decode()
    assert "In the world project" not in other and "Show concerns from every project" in other
