"""Starting or changing a project, and inviting someone: every rule the service checks comes
back at once, each linked to its field from the error summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.core.error_summary import assert_linked
from workings.projects.models import Invitation, Project

pytestmark = pytest.mark.django_db


def _project(**over: Any) -> dict[str, Any]:
    data = {
        "title": "Walking after a stroke",
        "summary": "We want to learn what helps people walk again.",
        "funder_name": "",
        "funder_reference": "",
        "start_date": "2026-04-01",
        "end_date": "2027-03-31",
        "involvement_budget": "1000",
        "currency": "GBP",
    }
    data.update(over)
    return data


def test_starting_a_project_with_two_broken_rules_hears_of_both(
    world: Any, client_for: Any
) -> None:
    before = Project.objects.count()
    response = client_for(world.users["lead"]).post(
        reverse("projects:create"),
        _project(title="<b>Walking</b>", end_date="2026-01-01", currency="£££"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_title", "HTML")
    assert_linked(page, "id_end_date", "on or after the start date")
    assert_linked(page, "id_currency", "three-letter code")
    assert Project.objects.count() == before


def test_changing_a_project_with_two_broken_rules_hears_of_both(
    world: Any, client_for: Any
) -> None:
    response = client_for(world.users["lead"]).post(
        reverse("projects:update", args=[world.project.slug]),
        {
            k: v
            for k, v in _project(funder_name="<i>NIHR</i>", end_date="2020-01-01").items()
            if k != "summary"
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_funder_name", "HTML")
    assert_linked(page, "id_end_date", "on or after the start date")
    world.project.refresh_from_db()
    assert world.project.funder_name != "<i>NIHR</i>"


def test_inviting_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    before = Invitation.objects.count()
    response = client_for(world.users["lead"]).post(
        reverse("projects:invitation-create", args=[world.project.slug]),
        {
            "email": world.users["contributor"].email,  # already a member
            "role": "contributor",
            "message": "<p>Welcome</p>",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_email", "already a member of this project")
    assert_linked(page, "id_message", "HTML")
    assert Invitation.objects.count() == before
