"""The agreement draft: every rule the service checks comes back at once, each linked to
its field from the error summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.agreements.helpers import start
from tests.core.error_summary import assert_linked

pytestmark = pytest.mark.django_db


def test_a_draft_with_three_broken_rules_hears_of_all(world: Any, client_for: Any) -> None:
    version = start(world)
    lead = client_for(world.users["lead"])
    url = reverse("agreements:edit", args=[world.project.slug, version.number])
    form = lead.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["named_parties"] = []
    data["rate"] = "lots"
    data["payment_days"] = "soon"
    data["feedback_response_days"] = "0"
    response = lead.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_rate", "Enter the rate as a number")
    assert_linked(page, "id_payment_days", "whole number of days")
    assert_linked(page, "id_feedback_response_days", "between 1 and 365")
    version.refresh_from_db()
    assert version.revision == 1


def test_proposing_an_unfinished_draft_lists_every_gap(world: Any, client_for: Any) -> None:
    version = start(world, source="blank")
    lead = client_for(world.users["lead"])
    response = lead.post(reverse("agreements:propose", args=[world.project.slug, version.number]))
    assert response.status_code == 400
    page = response.content.decode()
    summary = page.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert "Every section needs some words" in summary
    assert "Say how much say contributors have in every research area" in summary
    assert "contributions and credit when they leave" in summary
