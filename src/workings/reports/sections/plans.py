"""Milestones, budget, payments and funder verification (as those capabilities land)."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import fact, new

RATE_KINDS = {"hourly": "per hour", "per_activity": "per activity"}


def build(view: Any) -> dict[str, Any]:
    s = new(
        "plans",
        "Milestones, budget and payments",
        "Milestones, the involvement budget, payment terms and payments to contributors, and "
        "funder verification results.",
    )
    project = view.project
    if project.involvement_budget:
        fact(s, "Involvement budget", f"{project.involvement_budget:,.2f} {project.currency}")
    versions = [
        f
        for _pk, f, _s in view.rows("agreements.agreementversion")
        if f.get("status") == "in_force"
    ]
    pay = (versions[-1].get("content") or {}).get("payment") if versions else None
    if pay:
        fact(
            s,
            "Payment terms agreed",
            f"{pay.get('rate')} {pay.get('currency')} {RATE_KINDS.get(pay.get('rate_kind'), '')}, "
            f"paid within {pay.get('payment_days')} days",
        )
    for label_, model in (("Milestones", "plans.milestone"), ("Payments", "plans.payment")):
        rows = view.rows(model)
        if rows:
            fact(s, f"{label_} recorded", len(rows))
            s["cites"] += [seq for _pk, _f, seq in rows]
    if s["recorded"]:
        fact(s, "Milestones, payments and verification results", "Not recorded in Workings yet.")
    return s
