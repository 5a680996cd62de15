"""The finance office's CSV (every cell formula-safe, streamed a chunk of rows at a time so
50,000 claims cost no more memory than 50) and a person's statement for one UK tax year."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from workings.core.csvfile import csv_lines
from workings.money import amounts
from workings.money.models import Claim, ClaimStatus
from workings.projects.models import Membership

FIELDS = (
    "claim",
    "person",
    "activity",
    "hours",
    "fee",
    "expenses",
    "total",
    "currency",
    "status",
    "claimed_on",
    "due_on",
    "approved_on",
    "paid_on",
    "days_to_payment",
    "late",
)
CHUNK = 2000


def _rows(project: Any, today: Any) -> Iterator[dict[str, Any]]:
    claims = (
        Claim.objects.filter(project=project)
        .order_by("id")
        .values_list(
            "id",
            "person_id",
            "offer__title",
            "hours",
            "fee",
            "expenses_total",
            "currency",
            "status",
            "claimed_on",
            "due_on",
            "approved_on",
            "paid_on",
        )
    )
    # Each member named as the project names them (their credit choice), looked up once.
    names = {
        m.pk: m.label for m in Membership.objects.filter(project=project).select_related("user")
    }
    for row in claims.iterator(chunk_size=CHUNK):
        pk, person, title, hours, fee, expenses, currency, status, claimed, due, approved, paid = (
            row
        )
        unpaid = status in (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED)
        yield {
            "claim": pk,
            "person": names.get(person, ""),
            "activity": title,
            "hours": hours,
            "fee": fee,
            "expenses": expenses,
            "total": fee + expenses,
            "currency": currency,
            "status": status,
            "claimed_on": claimed.isoformat(),
            "due_on": due.isoformat(),
            "approved_on": approved.isoformat() if approved else "",
            "paid_on": paid.isoformat() if paid else "",
            "days_to_payment": ((paid or today) - claimed).days if paid or unpaid else "",
            "late": "yes" if (paid and paid > due) or (unpaid and today > due) else "no",
        }


def finance_csv(project: Any, *, today: Any) -> Iterator[str]:
    return csv_lines(FIELDS, _rows(project, today))


@dataclass
class Statement:
    year: int
    label: str
    currency: str
    claims: list[Claim]
    fees: Decimal
    expenses: Decimal
    total: Decimal


def statement(project: Any, membership: Any, year: int) -> Statement:
    """What was paid to one person in one UK tax year (6 April to 5 April), by paid day:
    fees (which may count as income) apart from expenses (repaid costs)."""
    start, end = amounts.tax_year_bounds(year)
    claims = list(
        Claim.objects.filter(
            project=project,
            person=membership,
            status=ClaimStatus.PAID,
            paid_on__gte=start,
            paid_on__lte=end,
        )
        .select_related("offer")
        .order_by("paid_on", "id")
    )
    currency = claims[0].currency if claims else "GBP"
    fees = amounts.total((c.fee for c in claims), currency)
    expenses = amounts.total((c.expenses_total for c in claims), currency)
    return Statement(
        year, amounts.tax_year_label(year), currency, claims, fees, expenses, fees + expenses
    )


STATEMENT_FIELDS = ("paid_on", "claim", "activity", "for_time", "expenses", "total", "currency")


def statement_csv(found: Statement) -> Iterator[str]:
    """The statement as CSV, one line per payment and a last line of totals: fees (which may
    count as income) apart from expenses, as on the page. The activity is typed-in text, so
    the cells go through csv_lines like every other export."""
    rows: list[dict[str, Any]] = [
        {
            "paid_on": c.paid_on.isoformat() if c.paid_on else "",
            "claim": c.pk,
            "activity": c.offer.title,
            "for_time": c.fee,
            "expenses": c.expenses_total,
            "total": c.fee + c.expenses_total,
            "currency": c.currency,
        }
        for c in found.claims
    ]
    rows.append(
        {
            "paid_on": _("Total %(label)s") % {"label": found.label},
            "for_time": found.fees,
            "expenses": found.expenses,
            "total": found.total,
            "currency": found.currency,
        }
    )
    return csv_lines(STATEMENT_FIELDS, rows)
