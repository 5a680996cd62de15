"""Milestones, budget, payments and funder verification (as those capabilities land)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from workings.agreements.snapshots import RATE_KINDS, AgreementVersionSnapshot
from workings.projects.snapshots import ProjectSnapshot
from workings.reports.sections import fact, new


def _amount(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def build(view: Any) -> dict[str, Any]:
    s = new(
        "plans",
        "Milestones, budget and payments",
        "Milestones, the involvement budget, payment terms and payments to contributors, and "
        "funder verification results.",
    )
    # The budget as the record stood at the checkpoint (the project's latest snapshot this
    # audience may read), not today's row: an annex is "as of" its checkpoint.
    recorded = view.latest(ProjectSnapshot, view.project.pk)
    budget = _amount(recorded[0].involvement_budget) if recorded else None
    if budget and recorded:
        fact(s, "Involvement budget", f"{budget:,.2f} {recorded[0].currency}".strip())
    versions = [f for _pk, f, _s in view.read(AgreementVersionSnapshot) if f.status == "in_force"]
    pay = versions[-1].payment if versions else None
    if pay:
        fact(
            s,
            "Payment terms agreed",
            f"{pay.rate} {pay.currency} {RATE_KINDS.get(pay.rate_kind or '', '')}, "
            f"paid within {pay.payment_days} days",
        )
    for label_, model in (("Milestones", "plans.milestone"), ("Payments", "plans.payment")):
        rows = view.rows(model)
        if rows:
            fact(s, f"{label_} recorded", len(rows))
            s["cites"] += [seq for _pk, _f, seq in rows]
    if s["recorded"]:
        fact(s, "Milestones, payments and verification results", "Not recorded in Workings yet.")
    return s
