"""Money forms: every rule the service checks comes back at once, each linked to its field
from the error summary (not one at a time)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.core.error_summary import assert_linked
from tests.money import helpers as h
from workings.money import services
from workings.money.models import Claim, Offer

pytestmark = pytest.mark.django_db


def test_an_offer_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    h.terms(world)
    url = reverse("money:offer-new", kwargs={"slug": world.project.slug})
    response = client_for(world.users["lead"]).post(
        url,
        {
            "person": world.memberships["contributor"].pk,
            "activity": "meeting",  # ... but no meeting chosen
            "meeting": "",
            "title": "Steering group",
            "hours": "2",
            "preparation_hours": "3",  # more than the whole
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_meeting", "Choose the meeting this payment is for.")
    assert_linked(page, "id_preparation_hours", "cannot be fewer than it")
    assert not Offer.objects.exists()


def test_a_claim_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    h.terms(world)
    offer = h.accepted(world)  # 3 hours
    url = reverse("money:claim-new", kwargs={"slug": world.project.slug, "pk": offer.pk})
    response = client_for(world.users["contributor"]).post(
        url,
        {
            "hours": "10",  # more than the offer, and no note saying why
            "note": "",
            "expense_kind": "travel",
            "expense_description": "Taxi",
            "expense_amount": "-5",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_note", "Add a note saying why")
    assert_linked(page, "id_expense_amount", "cannot be negative")
    assert not Claim.objects.exists()


def test_a_budget_line_with_three_broken_rules_hears_of_all(world: Any, client_for: Any) -> None:
    h.terms(world)
    line = services.budget_line_add(
        actor=world.users["lead"],
        project=world.project,
        year=2026,
        category="fees",
        description="Meeting fees",
        quantity="10",
        unit_cost="50",
    )
    url = reverse("money:budget-edit", kwargs={"slug": world.project.slug, "pk": line.pk})
    response = client_for(world.users["lead"]).post(
        url,
        {
            "year": 1990,
            "category": "fees",
            "description": "Meeting fees",
            "quantity": "lots",
            "unit_cost": "-5",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_year", "like 2026")
    assert_linked(page, "id_quantity", "Quantity")
    assert_linked(page, "id_unit_cost", "cannot be negative")
    line.refresh_from_db()
    assert line.unit_cost == 50
