"""Writes for money: one function, one transaction, one or more log entries.

Every write about one person's money is appended sealed (snapshots.py says why); budget
lines are members-only entries. Bad input raises ValidationFailed before anything is
written, so nothing is ever half-written (a receipt file saved before a later failure is
deleted again).
"""

from workings.money.services.budget import (
    budget_line_add,
    budget_line_change,
    budget_line_remove,
)
from workings.money.services.claims import (
    claim_approve,
    claim_make,
    claim_pay,
    claim_reject,
    late_claim_record,
    prefilled_hours,
)
from workings.money.services.offers import offer_answer, offer_make

__all__ = [
    "budget_line_add",
    "budget_line_change",
    "budget_line_remove",
    "claim_approve",
    "claim_make",
    "claim_pay",
    "claim_reject",
    "late_claim_record",
    "offer_answer",
    "offer_make",
    "prefilled_hours",
]
