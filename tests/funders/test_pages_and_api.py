"""The funder organisation's page, the project's funder page, and their API, by content."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from tests.factories import make_user
from workings.funders.models import Appointment, ProjectFunder

pytestmark = pytest.mark.django_db


def _post_json(client: Any, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def test_organisation_page_lists_people_and_lets_the_admin_appoint_and_end(
    world: Any, client_for: Any
) -> None:
    fund, admin = world.extra["funder_organisation"], client_for(world.extra["funder_admin"])
    page = admin.get(reverse("funders:detail", args=[fund.slug])).content.decode()
    assert "Funder Person" in page and "Reviewer" in page and "Appoint someone" in page
    assert "funder@example.org" not in page  # people are named, their addresses are not
    make_user("nia@example.org", "Nia Newcomer")
    r = admin.post(
        reverse("funders:appoint", args=[fund.slug]),
        {"email": "nia@example.org", "kind": "independent"},
    )
    assert r.status_code == 302
    page = admin.get(reverse("funders:detail", args=[fund.slug])).content.decode()
    assert "Nia Newcomer" in page and "Independent reviewer" in page
    bad = admin.post(
        reverse("funders:appoint", args=[fund.slug]),
        {"email": "ghost@example.org", "kind": "reviewer"},
    )
    assert bad.status_code == 400
    assert "Nobody has an account with ghost@example.org" in bad.content.decode()
    nia = Appointment.objects.get(user__email="nia@example.org")
    admin.post(reverse("funders:appointment-end", args=[fund.slug, nia.pk]), {"reason": "Done"})
    nia.refresh_from_db()
    assert nia.ended_at is not None
    page = admin.get(reverse("funders:detail", args=[fund.slug])).content.decode()
    assert "Nia Newcomer" in page and "“Done”" in page  # ended, kept


def test_a_reviewer_sees_the_organisation_but_no_admin_forms(world: Any, client_for: Any) -> None:
    fund = world.extra["funder_organisation"]
    page = client_for(world.users["funder"]).get(reverse("funders:detail", args=[fund.slug]))
    assert page.status_code == 200
    assert "Appoint someone" not in page.content.decode()
    assert (
        client_for(world.users["lead"]).get(reverse("funders:detail", args=[fund.slug])).status_code
        == 404
    )
    mine = client_for(world.users["funder"]).get(reverse("funders:list")).content.decode()
    assert "World Fund" in mine
    assert (
        "World Fund"
        not in client_for(world.users["lead"]).get(reverse("funders:list")).content.decode()
    )


def test_lead_names_a_funder_on_the_page_and_the_admin_confirms(
    world: Any, client_for: Any
) -> None:
    fund = world.extra["funder_organisation"]
    other_lead = client_for(world.users["other_lead"])
    url = reverse("funders:project-funder", args=[world.other_project.slug])
    page = other_lead.get(url).content.decode()
    assert "No funder reviewer reads this project yet" in page
    assert f'value="{fund.slug}"' in page
    r = other_lead.post(url, {"organisation": fund.slug})
    assert r.status_code == 302
    page = other_lead.get(url).content.decode()
    assert "World Fund: waiting for the funder to confirm" in page
    link = ProjectFunder.objects.get(project=world.other_project)
    admin = client_for(world.extra["funder_admin"])
    org_page = admin.get(reverse("funders:detail", args=[fund.slug])).content.decode()
    assert "Other project" in org_page and "Confirm we fund it" in org_page
    admin.post(reverse("funders:answer", args=[fund.slug, link.pk]), {"answer": "confirm"})
    page = other_lead.get(url).content.decode()
    assert "World Fund: confirmed by the funder" in page
    assert "Funder Person, reviewer for World Fund" in page
    bad = other_lead.post(url, {"organisation": "made-up"})
    assert bad.status_code == 400


def test_members_see_the_funder_page_without_the_form(world: Any, client_for: Any) -> None:
    url = reverse("funders:project-funder", args=[world.project.slug])
    page = client_for(world.users["contributor"]).get(url).content.decode()
    assert "Funder Person, reviewer for World Fund" in page
    assert "Ask the funder to confirm" not in page
    assert client_for(world.users["outsider"]).get(url).status_code == 404


def test_api(world: Any, client_for: Any) -> None:
    fund = world.extra["funder_organisation"]
    lead = client_for(world.users["other_lead"])
    orgs = lead.get("/api/v1/funders").json()
    assert orgs == [{"name": "World Fund", "slug": fund.slug}]
    created = _post_json(
        lead, f"/api/v1/projects/{world.other_project.slug}/funder", {"organisation": fund.slug}
    )
    assert created.status_code == 201 and created.json()["status"] == "proposed"
    admin = client_for(world.extra["funder_admin"])
    answered = _post_json(
        admin,
        f"/api/v1/funders/{fund.slug}/requests/{created.json()['id']}/answer",
        {"confirm": True},
    )
    assert answered.json()["status"] == "confirmed"
    state = lead.get(f"/api/v1/projects/{world.other_project.slug}/funder").json()
    assert state["reviewers"] == ["Funder Person, reviewer for World Fund"]
    make_user("nia@example.org", "Nia Newcomer")
    made = _post_json(
        admin,
        f"/api/v1/funders/{fund.slug}/appointments",
        {"email": "nia@example.org", "kind": "reviewer"},
    )
    assert made.status_code == 201 and made.json()["name"] == "Nia Newcomer"
    ended = _post_json(
        admin, f"/api/v1/funders/{fund.slug}/appointments/{made.json()['id']}/end", {}
    )
    assert ended.json()["ended_at"] is not None
    detail = admin.get(f"/api/v1/funders/{fund.slug}").json()
    assert {p["name"] for p in detail["people"]} >= {"Funder Person", "Nia Newcomer"}
    assert "@" not in json.dumps(detail)
    refused = _post_json(
        client_for(world.users["funder"]),
        f"/api/v1/funders/{fund.slug}/appointments",
        {"email": "outsider@example.org", "kind": "reviewer"},
    )
    assert refused.status_code == 403
    assert "admins" in refused.json()["detail"]


def test_the_settings_page_leads_to_the_funder_page(world: Any, client_for: Any) -> None:
    page = client_for(world.users["lead"]).get(
        reverse("projects:update", args=[world.project.slug])
    )
    assert reverse("funders:project-funder", args=[world.project.slug]) in page.content.decode()
