"""The projects API through Bearer tokens: every endpoint, bad bodies, CSRF for sessions."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tests.factories import make_user
from workings.accounts.services import token_create
from workings.events.models import Entry
from workings.projects import services
from workings.projects.models import Invitation, Membership

pytestmark = pytest.mark.django_db

PROJECT = {
    "title": "API project",
    "summary": "Made through the API.",
    "start_date": "2026-01-01",
    "end_date": "2026-12-31",
    "involvement_budget": "100.00",
    "currency": "EUR",
}


class Api:
    def __init__(self, user: Any) -> None:
        _, raw = token_create(actor=user, name="tests")
        self.client = Client()
        self.headers = {"authorization": f"Bearer {raw}"}

    def get(self, path: str) -> Any:
        return self.client.get("/api/v1" + path, headers=self.headers)

    def send(self, method: str, path: str, body: Any = None, *, raw: str | None = None) -> Any:
        data = raw if raw is not None else json.dumps(body or {})
        return self.client.generic(
            method, "/api/v1" + path, data, content_type="application/json", headers=self.headers
        )


def test_every_projects_endpoint_through_a_token(world: Any) -> None:
    lead = Api(world.user("lead"))
    response = lead.send("POST", "/projects", PROJECT)
    assert response.status_code == 201, response.content
    slug = response.json()["slug"]
    assert response.json()["my_role"] == "lead"
    assert {p["slug"] for p in lead.get("/projects").json()} >= {slug, world.project.slug}
    assert lead.get(f"/projects/{slug}").json()["currency"] == "EUR"
    response = lead.send("PUT", f"/projects/{slug}", {**PROJECT, "title": "Renamed"})
    assert response.status_code == 200 and response.json()["title"] == "Renamed"

    newcomer = make_user("newcomer@example.org")
    response = lead.send(
        "POST", f"/projects/{slug}/invitations", {"email": newcomer.email, "role": "contributor"}
    )
    assert response.status_code == 201, response.content
    assert [i["email"] for i in lead.get(f"/projects/{slug}/invitations").json()] == [
        newcomer.email
    ]
    invitation = Invitation.objects.get(project__slug=slug)
    response = lead.send("POST", f"/projects/{slug}/invitations/{invitation.pk}/withdraw")
    assert response.json()["status"] == "withdrawn"

    # Accept and decline need the secret token from the mail: make two invitations here.
    project = invitation.project
    _, token = services.invitation_create(
        actor=world.user("lead"), project=project, email=newcomer.email, role="contributor"
    )
    them = Api(newcomer)
    response = them.send("POST", "/invitations/accept", {"token": token, "display_name": "Nia"})
    assert response.status_code == 200, response.content
    member_id = response.json()["id"]
    decliner = make_user("decliner@example.org")
    _, token2 = services.invitation_create(
        actor=world.user("lead"), project=project, email=decliner.email, role="observer"
    )
    assert Api(decliner).send("POST", "/invitations/decline", {"token": token2}).status_code == 200

    names = [m["name"] for m in lead.get(f"/projects/{slug}/members").json()]
    assert "Nia" in names
    response = them.send(
        "PUT", f"/projects/{slug}/membership", {"display_name": "Nia B", "credit": "name"}
    )
    assert response.status_code == 200 and response.json()["name"] == "Nia B"
    response = lead.send(
        "POST", f"/projects/{slug}/members/{member_id}/role", {"role": "researcher"}
    )
    assert response.json()["role"] == "researcher"
    response = them.send("POST", f"/projects/{slug}/leave", {"reason": "Moving on"})
    assert response.status_code == 200 and response.json()["left_at"]
    m = Membership.objects.create(
        project=project, user=decliner, role="observer", joined_at=invitation.created_at
    )
    response = lead.send(
        "POST", f"/projects/{slug}/members/{m.pk}/remove", {"reason": "Asked to be removed"}
    )
    assert response.status_code == 200 and response.json()["left_reason"] == "Asked to be removed"
    assert Entry.objects.filter(log__project=project).count() >= 9


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/projects", "{not json"),
        ("POST", "/projects", "[1, 2"),
        ("POST", "/projects", '"just a string"'),
        ("POST", "/projects", "{}"),
        ("POST", "/projects", '{"title": 5, "start_date": "yesterday"}'),
        ("PUT", "/projects/{slug}", "{bad"),
        ("POST", "/projects/{slug}/invitations", "{bad"),
        ("POST", "/projects/{slug}/invitations", '{"email": []}'),
        ("POST", "/projects/{slug}/members/{member}/role", "nope"),
        ("PUT", "/projects/{slug}/membership", "\x00\x01"),
        ("POST", "/projects/{slug}/leave", "{"),
        ("POST", "/invitations/accept", "{]"),
    ],
)
def test_malformed_bodies_get_a_message_never_a_500(
    world: Any, method: str, path: str, body: str
) -> None:
    api = Api(world.user("lead"))
    url = path.format(slug=world.project.slug, member=world.memberships["contributor"].pk)
    response = api.send(method, url, raw=body)
    assert response.status_code in (400, 422), (response.status_code, response.content)
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**PROJECT, "end_date": "2025-01-01"}, "end_date"),
        ({**PROJECT, "involvement_budget": "-5"}, "involvement_budget"),
        ({**PROJECT, "currency": "euros"}, "currency"),
        ({**PROJECT, "title": ""}, "title"),
        ({**PROJECT, "summary": "s" * 5001}, "summary"),
    ],
)
def test_service_validation_reaches_the_api(world: Any, body: dict[str, Any], field: str) -> None:
    response = Api(world.user("lead")).send("POST", "/projects", body)
    assert response.status_code == 400
    assert response.json()["field"] == field


def test_invitation_errors_through_the_api(world: Any) -> None:
    api = Api(world.user("lead"))
    url = f"/projects/{world.project.slug}/invitations"
    assert api.send("POST", url, {"email": "nope", "role": "observer"}).status_code == 400
    response = api.send("POST", url, {"email": "x@example.org", "role": "emperor"})
    assert response.status_code == 400 and response.json()["field"] == "role"
    assert api.send("POST", url, {"email": "zoë@exämple.org", "role": "observer"}).status_code == (
        201
    )
    assert api.send("POST", url, {"email": "zoë@exämple.org", "role": "observer"}).status_code == (
        400
    )


def test_csrf_is_enforced_for_session_posts(world: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user("lead"))
    response = client.post("/api/v1/projects", json.dumps(PROJECT), content_type="application/json")
    assert response.status_code in (401, 403)
    # A page form without the token is refused too.
    response = client.post(
        f"/projects/{world.project.slug}/leave/", {"credit": "name", "confirm": "on"}
    )
    assert response.status_code == 403
    # With the cookie and header, the same session may write.
    client.get("/projects/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/projects",
        json.dumps(PROJECT),
        content_type="application/json",
        headers={"x-csrftoken": token},
    )
    assert response.status_code == 201


def test_openapi_and_docs_are_served() -> None:
    client = Client()
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/projects" in schema.json()["paths"]
