"""The projects list and the members list cost the same number of queries however much
data there is (no query per row)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import add_member, make_project, make_user
from workings.projects import services

pytestmark = pytest.mark.django_db


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_projects_list_is_constant(client_for: Any, django_assert_max_num_queries: Any) -> None:
    me = make_user("me@example.org")
    others = [make_user(f"lead{i}@example.org") for i in range(6)]
    make_project(me, "Mine")
    add_member(make_project(others[0], "Theirs 0"), others[0], me, "contributor")
    client = client_for(me)
    client.get("/projects/")  # warm per-session lookups
    small = _queries(client, "/projects/")
    for i in range(1, 6):
        project = make_project(others[i], f"Theirs {i}")
        add_member(project, others[i], me, "observer")
        project_for_invite = make_project(others[i], f"Invite {i}")
        services.invitation_create(
            actor=others[i], project=project_for_invite, email=me.email, role="observer"
        )
    with django_assert_max_num_queries(small):
        response = client.get("/projects/")
    assert response.content.decode().count("Theirs") >= 6


def test_members_list_is_constant(client_for: Any, django_assert_max_num_queries: Any) -> None:
    lead = make_user("lead@example.org")
    project = make_project(lead, "Busy project")
    add_member(project, lead, make_user("first@example.org"), "contributor")
    client = client_for(lead)
    url = f"/projects/{project.slug}/members/"
    client.get(url)
    small = _queries(client, url)
    for i in range(12):
        add_member(project, lead, make_user(f"m{i}@example.org", f"Member {i}"), "contributor")
    for i in range(5):
        services.invitation_create(
            actor=lead, project=project, email=f"pending{i}@example.org", role="observer"
        )
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert "Member 11" in response.content.decode()


def test_members_api_is_constant(world: Any, django_assert_max_num_queries: Any) -> None:
    from django.test import Client

    from workings.accounts.services import token_create

    lead = world.user("lead")
    _, raw = token_create(actor=lead, name="q")
    client = Client(headers={"authorization": f"Bearer {raw}"})
    url = f"/api/v1/projects/{world.project.slug}/members"
    client.get(url)
    small = _queries(client, url)
    for i in range(10):
        add_member(world.project, lead, make_user(f"api{i}@example.org"), "observer")
    with django_assert_max_num_queries(small):
        client.get(url)
