"""Money events (codes 800-899, never reused) and the snapshot each recorded model writes.

Audiences (docs/decisions/money-audiences.md): the project's budget is for its members and
funder reviewers (MEMBERS). Anything about one person's money (an offer, their answer, a
claim, an expense, a payment) is appended sealed: its content is read only by the funder's
reviewers, who audit it, while the project's log still commits to it and the pages show it
to the person, the lead and the reviewers. Another contributor never reads it.

Each snapshot class is the contract for what a log entry holds about its row: readers (the
annex, the API) go through read(), which accepts every version written so far.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar, TypeVar

from workings.events.types import Audience, register

BUDGET_LINE_ADDED = register(
    800, "money.budget_line_added", "A budget line was added", Audience.MEMBERS
)
BUDGET_LINE_CHANGED = register(
    801, "money.budget_line_changed", "A budget line was changed", Audience.MEMBERS
)
BUDGET_LINE_REMOVED = register(
    802, "money.budget_line_removed", "A budget line was removed", Audience.MEMBERS
)
OFFER_MADE = register(810, "money.offer_made", "A payment offer was made", Audience.SEALED)
OFFER_ANSWERED = register(
    811, "money.offer_answered", "A payment offer was answered", Audience.SEALED
)
CLAIM_MADE = register(820, "money.claim_made", "A payment claim was made", Audience.SEALED)
CLAIM_APPROVED = register(821, "money.claim_approved", "A claim was approved", Audience.SEALED)
CLAIM_REJECTED = register(822, "money.claim_rejected", "A claim was not approved", Audience.SEALED)
CLAIM_PAID = register(823, "money.claim_paid", "A claim was paid", Audience.SEALED)
# That a payment was late is the team's promise broken, not one person's money: members
# read it (no name, no amount), so the annex can count late payments for the team.
PAYMENT_LATE = register(
    824, "money.payment_late", "A payment was later than the agreement promised", Audience.MEMBERS
)
CLAIM_LATE = register(825, "money.claim_late", "A claim was recorded late", Audience.SEALED)

T = TypeVar("T", bound="Snapshot")


@dataclass(frozen=True)
class Snapshot:
    model: ClassVar[str] = ""
    version: ClassVar[int] = 1

    def fields(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def read(cls: type[T], data: dict[str, Any]) -> T:
        """A snapshot from a log entry's fields, of any version written so far (version 1
        is the only one yet: a later version adds its defaults here)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class OfferSnapshot(Snapshot):
    model: ClassVar[str] = "money.offer"
    project: int
    person: int
    activity: str
    meeting: int | None
    title: str
    hours: str
    preparation_hours: str
    rate: str
    rate_kind: str
    currency: str
    payment_days: int
    agreement_version: int | None
    expenses_covered: str
    status: str
    benefits_advice_taken: bool
    public_sector_employee: bool
    offered_by: int
    answered_on: str | None


@dataclass(frozen=True)
class ClaimSnapshot(Snapshot):
    model: ClassVar[str] = "money.claim"
    project: int
    offer: int
    person: int
    hours: str
    fee: str
    expenses_total: str
    currency: str
    note: str
    status: str
    claimed_on: str
    payment_days: int
    due_on: str
    approved_by: int | None
    approved_on: str | None
    paid_by: int | None
    paid_on: str | None
    late_on: str | None = None


@dataclass(frozen=True)
class ExpenseSnapshot(Snapshot):
    model: ClassVar[str] = "money.expense"
    claim: int
    kind: str
    description: str
    amount: str
    receipt_type: str
    receipt_sha256: str


@dataclass(frozen=True)
class BudgetLineSnapshot(Snapshot):
    model: ClassVar[str] = "money.budgetline"
    project: int
    year: int
    category: str
    description: str
    quantity: str
    unit_cost: str
    currency: str
    notes: str
    removed: bool
