"""Reads of money: the project's terms (from the agreement in force), the budget against
what was spent, and the offers and claims a person may see."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from workings.agreements.selectors import payment_terms_for, version_in_force
from workings.core.exceptions import ValidationFailed
from workings.money import amounts
from workings.money.models import BudgetCategory, BudgetLine, Claim, ClaimStatus, Offer
from workings.money.permissions import money_policy


@dataclass(frozen=True)
class MoneyTerms:
    """What the agreement in force promises about payment: the rate, how it is counted,
    the currency, what expenses are covered and within how many days payment is made."""

    rate: Decimal
    rate_kind: str
    currency: str
    expenses_policy: str
    payment_days: int
    agreement_version: int | None


def terms_for(project: Any) -> MoneyTerms | None:
    terms = payment_terms_for(project)
    if terms is None:
        return None
    version = version_in_force(project)
    return MoneyTerms(
        rate=amounts.rounded(terms.rate, terms.currency),
        rate_kind=terms.rate_kind,
        currency=terms.currency,
        expenses_policy=terms.expenses_policy,
        payment_days=terms.payment_days,
        agreement_version=version.number if version else None,
    )


def terms_required(project: Any) -> MoneyTerms:
    terms = terms_for(project)
    if terms is None:
        raise ValidationFailed(
            _(
                "The project has no agreement in force yet. Payment rates and the payment "
                "promise come from the agreement: agree one first."
            )
        )
    return terms


def currency_of(project: Any) -> str:
    terms = terms_for(project)
    return terms.currency if terms else str(getattr(project, "currency", "") or "GBP")


@dataclass
class YearRow:
    year: int
    label: str
    planned: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)
    lines: list[BudgetLine] = field(default_factory=list)


@dataclass
class BudgetSummary:
    currency: str
    years: list[YearRow]
    planned: Decimal
    spent: Decimal
    owed: Decimal  # approved, not yet paid
    claims_paid: int
    claims_late: int


def budget_lines(project: Any) -> QuerySet[BudgetLine]:
    return BudgetLine.objects.filter(project=project, removed=False)


def budget_summary(project: Any, *, today: dt.date) -> BudgetSummary:
    """Planned against spent, by tax year. Spent is what was paid (fees and expenses) in
    that year, summed in the database: the page costs the same for 5 or 5,000 claims."""
    currency = currency_of(project)
    rows: dict[int, YearRow] = {}
    for line in budget_lines(project):
        row = rows.setdefault(line.year, YearRow(line.year, amounts.tax_year_label(line.year)))
        row.lines.append(line)
        row.planned = amounts.total((row.planned, line.planned), currency)
    paid = Claim.objects.filter(project=project, status=ClaimStatus.PAID)
    by_year: dict[int, Decimal] = defaultdict(Decimal)
    for day, fee, expenses in (
        paid.values("paid_on")
        .annotate(fee_sum=Sum("fee"), exp_sum=Sum("expenses_total"))
        .values_list("paid_on", "fee_sum", "exp_sum")
    ):
        by_year[amounts.tax_year_of(day)] += Decimal(fee or 0) + Decimal(expenses or 0)
    for year, spent in by_year.items():
        row = rows.setdefault(year, YearRow(year, amounts.tax_year_label(year)))
        row.spent = amounts.rounded(spent, currency)
    approved = Claim.objects.filter(project=project, status=ClaimStatus.APPROVED).aggregate(
        f=Sum("fee"), e=Sum("expenses_total")
    )
    years = [rows[y] for y in sorted(rows)]
    return BudgetSummary(
        currency=currency,
        years=years,
        planned=amounts.total((r.planned for r in years), currency),
        spent=amounts.total((r.spent for r in years), currency),
        owed=amounts.total((Decimal(approved["f"] or 0), Decimal(approved["e"] or 0)), currency),
        claims_paid=paid.count(),
        claims_late=late_claims(project, today=today).count(),
    )


def late_claims(project: Any, *, today: dt.date) -> QuerySet[Claim]:
    """Claims paid after their due day, or still unpaid past it (rejected ones aside)."""
    from django.db.models import F, Q

    return Claim.objects.filter(project=project).filter(
        Q(status=ClaimStatus.PAID, paid_on__gt=F("due_on"))
        | Q(status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED], due_on__lt=today)
    )


def offers_for(user: Any, project: Any) -> QuerySet[Offer]:
    offers = Offer.objects.filter(project=project).select_related("person__user", "meeting")
    if money_policy.can_see_everyones(user, project):
        return offers
    return offers.filter(person__user_id=getattr(user, "pk", None))


def claims_for(user: Any, project: Any) -> QuerySet[Claim]:
    claims = Claim.objects.filter(project=project).select_related("person__user", "offer")
    if money_policy.can_see_everyones(user, project):
        return claims
    return claims.filter(person__user_id=getattr(user, "pk", None))


def budget_categories() -> list[tuple[str, str]]:
    return list(BudgetCategory.choices)
