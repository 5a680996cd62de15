"""The involvement budget's lines (members-only entries)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core.exceptions import Problems
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.money import amounts, selectors
from workings.money.models import (
    BudgetCategory,
    BudgetLine,
)
from workings.money.permissions import money_policy, require
from workings.money.services.common import choice


def _budget_fields(project: Any, data: dict[str, Any], currency: str) -> dict[str, Any]:
    """Every field checked, every broken rule reported at once."""
    problems = Problems()
    year = data.get("year")
    try:
        year_number = int(year)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        year_number = 0
    if not 2000 <= year_number <= 2100:
        problems.add(_("Give the tax year the line is for, like 2026."), field="year")
    fields = {
        "year": year_number,
        "category": problems.check(
            choice,
            data.get("category"),
            BudgetCategory,
            field="category",
            message=_("Choose one of the budget headings (or Other, saying what)."),
        ),
        "description": problems.check(
            required_text,
            data.get("description"),
            field="description",
            label=_("Description"),
            max_length=200,
        ),
        "quantity": problems.check(
            amounts.quantity, data.get("quantity"), field="quantity", label=_("Quantity")
        ),
        "unit_cost": problems.check(
            amounts.amount,
            data.get("unit_cost"),
            field="unit_cost",
            label=_("Unit cost"),
            currency=currency,
        ),
        "notes": problems.check(
            optional_text, data.get("notes", ""), field="notes", label=_("Notes"), max_length=2000
        ),
    }
    problems.raise_any()
    return fields


@transaction.atomic
def budget_line_add(*, actor: Any, project: Any, **data: Any) -> BudgetLine:
    require(money_policy.can_manage(actor, project), _("Only the project's lead plans the budget."))
    currency = selectors.currency_of(project)
    line = BudgetLine.objects.create(
        project=project, currency=currency, **_budget_fields(project, data, currency)
    )
    append_event(
        project=project,
        type="money.budget_line_added",
        actor=actor,
        content={"line": line.pk},
        subjects=[line],
    )
    return line


@transaction.atomic
def budget_line_change(*, actor: Any, line: BudgetLine, **data: Any) -> BudgetLine:
    line = BudgetLine.objects.select_for_update().get(pk=line.pk, removed=False)
    require(
        money_policy.can_manage(actor, line.project), _("Only the project's lead plans the budget.")
    )
    for name, value in _budget_fields(line.project, data, line.currency).items():
        setattr(line, name, value)
    line.save()
    append_event(
        project=line.project,
        type="money.budget_line_changed",
        actor=actor,
        content={"line": line.pk},
        subjects=[line],
    )
    return line


@transaction.atomic
def budget_line_remove(*, actor: Any, line: BudgetLine) -> BudgetLine:
    line = BudgetLine.objects.select_for_update().get(pk=line.pk, removed=False)
    require(
        money_policy.can_manage(actor, line.project), _("Only the project's lead plans the budget.")
    )
    line.removed = True
    line.save()
    append_event(
        project=line.project,
        type="money.budget_line_removed",
        actor=actor,
        content={"line": line.pk},
        subjects=[line],
    )
    return line
