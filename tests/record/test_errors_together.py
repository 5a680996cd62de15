"""Record forms (feedback, its answer, decisions): every rule the service checks comes back
at once, each linked to its field from the error summary."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests.core.error_summary import assert_linked
from tests.record import helpers as h
from workings.core import clock
from workings.record.models import Item

pytestmark = pytest.mark.django_db

TOO_LONG = "word " * 1200  # over the 5,000 characters an entry's text may have


def _url(world: Any, name: str, **kw: Any) -> str:
    return reverse(f"record:{name}", kwargs={"slug": world.project.slug, **kw})


def test_feedback_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    before = Item.objects.count()
    response = client_for(world.users["researcher"]).post(
        _url(world, "feedback-create"),
        {"title": "Travel costs", "text": TOO_LONG, "area": "", "on_behalf_of": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_text", "the limit is 5,000")
    assert_linked(page, "id_on_behalf_of", "Say which group of contributors")
    assert Item.objects.count() == before


def test_an_answer_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    item = h.feedback(world)
    response = client_for(world.users["lead"]).post(
        _url(world, "feedback-answer", pk=item.pk),
        {
            "outcome": "not_yet_decided",  # ... with no date for a real answer
            "what_done": TOO_LONG,
            "why": "We need the steering group.",
            "answer_due_on": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_what_done", "the limit is 5,000")
    assert_linked(page, "id_answer_due_on", "Enter the date by which you will give a real answer")
    item.feedback.refresh_from_db()
    assert item.feedback.answered_at is None


def test_a_decision_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    before = Item.objects.count()
    response = client_for(world.users["lead"]).post(
        _url(world, "decision-create"),
        {
            "area": "primary_outcome",
            "title": "Use the shorter questionnaire",
            "text": TOO_LONG,
            "decided_by": "The trial management group",
            "influence": "consulted",
            "occurred_on": (clock.today() + dt.timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_text", "the limit is 5,000")
    assert_linked(page, "id_occurred_on", "is in the future")
    assert Item.objects.count() == before


def test_a_meeting_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    before = Item.objects.count()
    response = client_for(world.users["lead"]).post(
        _url(world, "meeting-create"),
        {
            "occurred_on": (clock.today() + dt.timedelta(days=2)).isoformat(),
            "activity": "meeting",
            "title": "Steering group",
            "participants": [world.memberships["contributor"].pk],
            "hours": "30",  # more than a day has
            "summary": "We talked about recruitment.",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_occurred_on", "is in the future")
    assert_linked(page, "id_hours", "a day has 24 hours")
    assert Item.objects.count() == before
