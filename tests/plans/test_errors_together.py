"""The milestone form: every rule the service checks comes back at once, each linked to its
field from the error summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.core.error_summary import assert_linked
from tests.plans import helpers as h
from workings.plans.models import Milestone

pytestmark = pytest.mark.django_db


def test_a_milestone_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    research = h.milestone(world)
    url = reverse("plans:milestone-new", kwargs={"slug": world.project.slug})
    response = client_for(world.users["lead"]).post(
        url,
        {
            "kind": "research",  # ... tied to a research milestone: only involvement can be
            "title": "Recruit the first patient",
            "due_on": "1999-01-01",  # before the project starts
            "owner": world.memberships["researcher"].pk,
            "tied_to": research.pk,
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_due_on", "before the project starts")
    assert_linked(page, "id_tied_to", "Only an involvement milestone can be tied")
    assert Milestone.objects.count() == 1


def test_the_api_lists_every_broken_rule(world: Any, client_for: Any) -> None:
    research = h.milestone(world)
    response = client_for(world.users["lead"]).post(
        f"/api/v1/projects/{world.project.slug}/plan/milestones",
        {
            "kind": "research",
            "title": "Recruit the first patient",
            "due_on": "soon",
            "owner": 999999,
            "tied_to": research.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.json()
    assert [p["field"] for p in body["problems"]] == ["due_on", "owner", "tied_to"]
    assert "give a date like 2026-03-31" in body["problems"][0]["detail"]
    assert (body["field"], body["detail"]) == ("due_on", body["problems"][0]["detail"])
    assert Milestone.objects.count() == 1


def test_training_with_three_broken_rules_hears_of_all(world: Any, client_for: Any) -> None:
    from workings.plans.models import Training

    url = reverse("plans:training-new", kwargs={"slug": world.project.slug})
    response = client_for(world.users["lead"]).post(
        url,
        {
            "person": world.memberships["contributor"].pk,
            "kind": "training",
            "what": "Research awareness",
            "given_on": "2999-01-01",  # in the future
            "given_by": "x" * 250,  # longer than the service allows
            "hours": "lots",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_given_on", "cannot be in the future")
    assert_linked(page, "id_given_by", "the limit is 200")
    assert_linked(page, "id_hours", "give a number such as 1.5")
    assert not Training.objects.exists()


def test_evidence_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    from workings.plans.models import Evidence

    research = h.milestone(world)
    url = reverse("plans:evidence-add", kwargs={"slug": world.project.slug, "pk": research.pk})
    response = client_for(world.users["lead"]).post(
        url,
        {"kind": "link", "path": "https://elsewhere.example/", "note": "<b>the minutes</b>"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_path", "Give the address of a page of this project")
    assert_linked(page, "id_note", "HTML")
    assert not Evidence.objects.exists()


def test_progress_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    # The form offers only the allowed states, so the API shows the service's two rules.
    research = h.milestone(world)
    response = client_for(world.users["lead"]).post(
        f"/api/v1/projects/{world.project.slug}/plan/milestones/{research.pk}/progress",
        {"status": "nearly", "progress": 140},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert [p["field"] for p in response.json()["problems"]] == ["status", "progress"]
    research.refresh_from_db()
    assert research.status == "planned"
