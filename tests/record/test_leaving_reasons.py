"""A leaving reason is private to the project's members: the public timeline, its exports
and the API never show it, and a search by someone else never matches on it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import add_member, make_user
from workings.projects import services as project_services

pytestmark = pytest.mark.django_db

REASON = "PRIVATEREASON the travel costs"


@pytest.fixture
def left(world: Any) -> Any:
    p = world.project
    project_services.project_update(
        actor=world.users["lead"],
        project=p,
        **{k: getattr(p, k) for k in ("title", "summary", "start_date", "end_date")},
        involvement_budget=p.involvement_budget,
        currency=p.currency,
        is_published=True,
    )
    leaver = make_user("leaver@example.org", "Lee Leaver")
    add_member(p, world.users["lead"], leaver, "contributor")
    project_services.membership_leave(actor=leaver, project=p, reason=REASON, credit="name")
    world.extra["former"] = leaver
    return world


def _pages(world: Any) -> list[str]:
    slug = world.project.slug
    return [
        f"/projects/{slug}/working-record/",
        f"/projects/{slug}/working-record/export.csv",
        f"/projects/{slug}/working-record/export.json",
        f"/api/v1/projects/{slug}/record/items",
    ]


def _text(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("who", ["anon", "outsider", "former"])
def test_no_one_outside_the_project_reads_a_leaving_reason(
    left: Any, client_for: Any, who: str
) -> None:
    user = left.extra["former"] if who == "former" else left.users[who]
    if who == "former":  # someone else who left, without a reason of their own
        user = make_user("other.former@example.org", "Other Former")
        add_member(left.project, left.users["lead"], user, "observer")
        project_services.membership_leave(actor=user, project=left.project, credit="name")
    client = client_for(user)
    for url in _pages(left):
        response = client.get(url)
        assert response.status_code == 200, url
        text = _text(response)
        assert "Lee Leaver" in text, url  # the leaving itself is public
        assert "PRIVATEREASON" not in text, url
    # Searching for the reason's words finds no one.
    found = client.get(_pages(left)[3] + "?q=travel+costs")
    assert "Lee Leaver" not in _text(found)


def test_members_read_the_leaving_reason(left: Any, client_for: Any) -> None:
    client = client_for(left.users["observer"])
    for url in _pages(left):
        assert "PRIVATEREASON" in _text(client.get(url)), url
    found = client.get(_pages(left)[3] + "?q=travel+costs")
    assert "Lee Leaver" in _text(found)
