"""A withdrawn registration serves its tombstone, never its annex, in every format; the
public annex downloads work signed out."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from workings.projects import services as ps
from workings.reports import services

pytestmark = pytest.mark.django_db

WITHDRAWN_BECAUSE = "Registered the wrong audience by mistake."


def _publish(world: Any) -> None:
    ps.project_update(
        actor=world.users["lead"],
        project=world.project,
        **{**world.project.snapshot(), "is_published": True},
    )


@pytest.mark.parametrize("fmt", ["", "json", "md", "pdf", "html", "JSON"])
def test_a_withdrawn_registration_serves_no_annex_in_any_format(
    world: Any, client_for: Any, fmt: str
) -> None:
    lead = world.users["lead"]
    reg = services.registration_create(actor=lead, project=world.project, audience="team")
    services.registration_withdraw(actor=lead, registration=reg, reason=WITHDRAWN_BECAUSE)
    title = world.project.title
    url = reg.get_absolute_url() + (f"?format={fmt}" if fmt else "")
    response = client_for(world.users["observer"]).get(url)
    body = response.content.decode()
    assert response.status_code in (200, 410)
    assert WITHDRAWN_BECAUSE in body
    # the frozen annex carries the project's sections and checkpoint: none of it is served
    assert '"sections"' not in body and '"checkpoint"' not in body
    assert "Involvement budget" not in body
    if response["Content-Type"].startswith("application/json"):
        tomb = json.loads(body)
        assert tomb["withdrawn"] is True and tomb["withdrawn_reason"] == WITHDRAWN_BECAUSE
        assert set(tomb) <= {"registration", "project", "audience", "checkpoint_size"} | {
            "withdrawn",
            "withdrawn_at",
            "withdrawn_reason",
            "detail",
        }
    assert title  # the page may name the project, but not hold its annex


def test_a_registration_still_standing_is_served_as_json(world: Any, client_for: Any) -> None:
    lead = world.users["lead"]
    reg = services.registration_create(actor=lead, project=world.project, audience="team")
    response = client_for(world.users["observer"]).get(reg.get_absolute_url() + "?format=json")
    assert response.status_code == 200
    assert json.loads(response.content)["checkpoint"]["size"] == reg.checkpoint_size


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_signed_out_downloads_of_the_public_annex(world: Any, client_for: Any, fmt: str) -> None:
    _publish(world)
    url = reverse(
        "reports:annex-download",
        kwargs={"slug": world.project.slug, "audience": "public", "fmt": fmt},
    )
    response = client_for(None).get(url)
    assert response.status_code == 200, response.content[:500]
    body = response.content.decode()
    assert world.project.title in body
    assert "lead@example.org" not in body
