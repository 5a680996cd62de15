"""Budget lines changed and removed, on the page and over the API: the lead only, each a
log entry, bad input refused plainly with nothing written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from tests.money import helpers as h
from workings.events.models import Entry
from workings.money import services
from workings.money.models import BudgetLine

pytestmark = pytest.mark.django_db

LINE = {
    "year": 2026,
    "category": "fees",
    "description": "Meeting fees",
    "quantity": "10",
    "unit_cost": "50",
    "notes": "",
}


@pytest.fixture
def line(world: Any) -> BudgetLine:
    h.terms(world)
    return services.budget_line_add(actor=world.users["lead"], project=world.project, **LINE)


def _api(client: Any, method: str, world: Any, line: BudgetLine, body: Any = None) -> Any:
    url = f"/api/v1/projects/{world.project.slug}/money/budget/{line.pk}"
    return client.generic(method, url, json.dumps(body or {}), content_type="application/json")


def _changes() -> int:
    return Entry.objects.filter(type="money.budget_line_changed").count()


def test_the_lead_changes_a_line_on_its_page(world: Any, line: BudgetLine, client_for: Any) -> None:
    lead = client_for(world.users["lead"])
    url = reverse("money:budget-edit", kwargs={"slug": world.project.slug, "pk": line.pk})
    home = lead.get(reverse("money:home", kwargs={"slug": world.project.slug})).content.decode()
    assert url in home
    form = lead.get(url)
    assert form.status_code == 200 and "Meeting fees" in form.content.decode()
    done = lead.post(url, {**LINE, "quantity": "12", "description": "Meeting fees, 12"})
    assert done.status_code == 302
    line.refresh_from_db()
    assert line.quantity == 12 and line.description == "Meeting fees, 12" and _changes() == 1


def test_a_bad_change_on_the_page_is_refused_plainly(
    world: Any, line: BudgetLine, client_for: Any
) -> None:
    url = reverse("money:budget-edit", kwargs={"slug": world.project.slug, "pk": line.pk})
    page = client_for(world.users["lead"]).post(url, {**LINE, "unit_cost": "-5"})
    assert page.status_code == 400 and "cannot be negative" in page.content.decode()
    line.refresh_from_db()
    assert line.unit_cost == 50 and _changes() == 0


def test_only_the_lead_may_open_the_change_page(
    world: Any, line: BudgetLine, client_for: Any
) -> None:
    url = reverse("money:budget-edit", kwargs={"slug": world.project.slug, "pk": line.pk})
    for role in ("contributor", "researcher", "observer"):
        assert client_for(world.users[role]).get(url).status_code in (403, 404)


def test_the_lead_changes_and_removes_a_line_over_the_api(
    world: Any, line: BudgetLine, client_for: Any
) -> None:
    lead = client_for(world.users["lead"])
    changed = _api(lead, "PUT", world, line, {**LINE, "unit_cost": "55.50"})
    assert changed.status_code == 200, changed.content
    assert changed.json()["unit_cost"] == "55.50" and _changes() == 1
    removed = _api(lead, "DELETE", world, line)
    assert removed.status_code == 204, removed.content
    line.refresh_from_db()
    assert line.removed
    assert Entry.objects.filter(type="money.budget_line_removed").count() == 1
    assert _api(lead, "DELETE", world, line).status_code == 404


def test_bad_input_over_the_api_writes_nothing(
    world: Any, line: BudgetLine, client_for: Any
) -> None:
    lead = client_for(world.users["lead"])
    refused = _api(lead, "PUT", world, line, {**LINE, "year": 1900})
    assert refused.status_code == 400 and "tax year" in refused.content.decode()
    line.refresh_from_db()
    assert line.year == 2026 and _changes() == 0


def test_a_contributor_cannot_change_or_remove_a_line_over_the_api(
    world: Any, line: BudgetLine, client_for: Any
) -> None:
    contributor = client_for(world.users["contributor"])
    assert _api(contributor, "PUT", world, line, LINE).status_code == 403
    assert _api(contributor, "DELETE", world, line).status_code == 403
    line.refresh_from_db()
    assert not line.removed and _changes() == 0
