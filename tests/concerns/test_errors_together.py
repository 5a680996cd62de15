"""Raising and moving on a concern: every rule the service checks comes back at once, each
linked to its field from the error summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.concerns.helpers import concern_data, raise_open
from tests.core.error_summary import assert_linked
from workings.concerns.models import Concern

pytestmark = pytest.mark.django_db


def test_raising_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    before = Concern.objects.count()
    url = reverse("concerns:raise", args=[world.project.slug])
    response = client_for(world.users["contributor"]).post(
        url,
        concern_data(mode="open", what_happened="<script>x</script>", link="minutes:3"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_what_happened", "HTML")
    assert_linked(page, "id_link", "A link must name a feedback item")
    assert Concern.objects.count() == before


def test_the_api_lists_every_broken_rule_of_a_concern(world: Any, client_for: Any) -> None:
    response = client_for(world.users["contributor"]).post(
        f"/api/v1/projects/{world.project.slug}/concerns",
        {**concern_data(subject="", link="nonsense"), "mode": "shouted"},
        content_type="application/json",
    )
    assert response.status_code == 400
    fields = [p["field"] for p in response.json()["problems"]]
    assert fields == ["mode", "subject", "link"]


def test_moving_on_too_early_with_a_broken_reason_hears_of_both(
    world: Any, client_for: Any
) -> None:
    concern = raise_open(world)
    url = reverse("concerns:escalate", args=[world.project.slug, concern.pk])
    response = client_for(world.users["contributor"]).post(url, {"reason": "<b>too slow</b>"})
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_reason", "HTML")
    assert "to respond. If there is no response by then" in page
    concern.refresh_from_db()
    assert concern.stage_index == 0


def test_closing_with_two_broken_rules_hears_of_both(world: Any) -> None:
    # The page offers only the listed outcomes; the service still checks both at once.
    from workings.concerns import services
    from workings.core.exceptions import ValidationFailed

    concern = raise_open(world)
    with pytest.raises(ValidationFailed) as caught:
        services.concern_close(
            actor=world.users["contributor"], concern=concern, outcome="sorted", reasons="<b>x</b>"
        )
    assert [p.field for p in caught.value.problems] == ["outcome", "reasons"]
    concern.refresh_from_db()
    assert concern.outcome in ("", None)
