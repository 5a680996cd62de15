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

from dataclasses import dataclass
from typing import ClassVar

from workings.events.snapshots import Snapshot
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


@dataclass(frozen=True)
class OfferSnapshot(Snapshot):
    model: ClassVar[str] = "money.offer"
    project: int = 0
    person: int = 0
    activity: str = ""
    meeting: int | None = None
    title: str = ""
    hours: str = ""
    preparation_hours: str = ""
    rate: str = ""
    rate_kind: str = ""
    currency: str = ""
    payment_days: int = 0
    agreement_version: int | None = None
    expenses_covered: str = ""
    status: str = ""
    benefits_advice_taken: bool = False
    public_sector_employee: bool = False
    offered_by: int = 0
    answered_on: str | None = None


@dataclass(frozen=True)
class ClaimSnapshot(Snapshot):
    model: ClassVar[str] = "money.claim"
    project: int = 0
    offer: int = 0
    person: int = 0
    hours: str = ""
    fee: str = ""
    expenses_total: str = ""
    currency: str = ""
    note: str = ""
    status: str = ""
    claimed_on: str = ""
    payment_days: int = 0
    due_on: str = ""
    approved_by: int | None = None
    approved_on: str | None = None
    paid_by: int | None = None
    paid_on: str | None = None
    late_on: str | None = None


@dataclass(frozen=True)
class ExpenseSnapshot(Snapshot):
    model: ClassVar[str] = "money.expense"
    claim: int = 0
    kind: str = ""
    description: str = ""
    amount: str = ""
    receipt_type: str = ""
    receipt_sha256: str = ""


@dataclass(frozen=True)
class BudgetLineSnapshot(Snapshot):
    model: ClassVar[str] = "money.budgetline"
    project: int = 0
    year: int = 0
    category: str = ""
    description: str = ""
    quantity: str = ""
    unit_cost: str = ""
    currency: str = ""
    notes: str = ""
    removed: bool = False
