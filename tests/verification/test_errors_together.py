"""Asking for claims to be checked, and answering: every rule the service checks comes back
at once, each linked to its field from the error summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.core.error_summary import assert_linked
from tests.verification.helpers import sent
from workings.verification.models import Response, VerificationRequest

pytestmark = pytest.mark.django_db


def test_a_request_with_three_broken_rules_hears_of_all(world: Any, client_for: Any) -> None:
    response = client_for(world.users["funder"]).post(
        reverse("verification:list", args=[world.project.slug]),
        {
            "title": "<b>Checking</b>",
            "source": "annex",
            "text": "",  # the annex chosen, but nothing pasted
            "deadline": "2000-01-01",  # in the past
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_title", "HTML")
    assert_linked(page, "id_deadline", "must be after today")
    assert_linked(page, "id_text", "There are no claims to check")
    assert not VerificationRequest.objects.exists()


def test_answers_with_two_broken_comments_hear_of_both(world: Any, client_for: Any) -> None:
    request, _tokens = sent(world)
    claims = list(request.claims.filter(removed=False).order_by("number"))
    data: dict[str, Any] = {f"choice_{c.pk}": "confirm" for c in claims}
    data[f"comment_{claims[0].pk}"] = "<b>yes</b>"
    data[f"comment_{claims[1].pk}"] = "<i>mostly</i>"
    response = client_for(world.users["contributor"]).post(
        reverse("verification:answer", args=[world.project.slug, request.pk]), data
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, f"id_comment_{claims[0].pk}", "HTML")
    assert_linked(page, f"id_comment_{claims[1].pk}", "HTML")
    assert not Response.objects.exists()
