"""Milestones, budget, payments and funder verification (as those capabilities land)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from workings.agreements.snapshots import RATE_KINDS, AgreementVersionSnapshot
from workings.projects.snapshots import ProjectSnapshot
from workings.reports.sections import fact, new, optional, table


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
    _money(s, view)
    _milestones(s, view)
    for label_, model in (("Payments", "plans.payment"),):
        rows = view.rows(model)
        if rows:
            fact(s, f"{label_} recorded", len(rows))
            s["cites"] += [seq for _pk, _f, seq in rows]
    if s["recorded"]:
        fact(s, "Milestones, payments and verification results", "Not recorded in Workings yet.")
    return s


def _money(s: dict[str, Any], view: Any) -> None:
    """The involvement budget as planned (members-only entries), and how many payments were
    later than the agreement promised (a members-only entry each, naming nobody). Claims
    themselves are sealed: only the funder's annex reads them."""
    snapshots = optional("workings.money.snapshots", "BudgetLineSnapshot", "ClaimSnapshot")
    if snapshots is None:
        return
    lines = [
        (snapshots.BudgetLineSnapshot.read(f), seq) for _pk, f, seq in view.rows("money.budgetline")
    ]
    kept = [(line, seq) for line, seq in lines if not line.removed]
    if kept:
        by_year: dict[int, Decimal] = {}
        currency = kept[0][0].currency
        for line, _seq in kept:
            total = (Decimal(line.quantity) * Decimal(line.unit_cost)).quantize(Decimal("0.01"))
            by_year[line.year] = by_year.get(line.year, Decimal(0)) + total
        for year, total in sorted(by_year.items()):
            fact(
                s,
                f"Involvement budget planned for {year}–{(year + 1) % 100:02d}",
                f"{total:,.2f} {currency}",
            )
        s["cites"] += [seq for _line, seq in kept]
    late = view.of_type("money.payment_late")
    if late or kept:
        fact(s, "Payments later than the agreement promised", len(late))
        s["cites"] += [e.seq for e in late]
    claims = [snapshots.ClaimSnapshot.read(f) for _pk, f, _seq in view.rows("money.claim")]
    if claims:
        paid = [c for c in claims if c.paid_on]
        fact(s, "Claims made (sealed: read by the funder)", len(claims))
        fact(s, "Claims paid", len(paid))


def _milestones(s: dict[str, Any], view: Any) -> None:
    """Planned against delivered, by kind, as the record stood at the checkpoint: done on
    time, done late, slipped (recorded when a milestone went past its due day), still open;
    then how much training and support was logged (counted, never named)."""
    snapshots = optional("workings.plans.snapshots", "MilestoneSnapshot", "TrainingSnapshot")
    if snapshots is None:
        return
    rows = view.read(snapshots.MilestoneSnapshot)
    labels = {"research": "Research", "involvement": "Involvement", "action": "Audit actions"}
    table_rows = []
    for kind, label in labels.items():
        mine = [f for _pk, f, _seq in rows if f.kind == kind]
        if not mine:
            continue
        done = [f for f in mine if f.status == "done"]
        on_time = [f for f in done if f.done_on and f.done_on <= f.due_on]
        slipped = [f for f in mine if f.slipped_on or (f.done_on and f.done_on > f.due_on)]
        table_rows.append([label, len(mine), len(done), len(on_time), len(slipped)])
    table(
        s,
        "Milestones: planned against delivered",
        ["Kind", "Planned", "Done", "Done on time", "Slipped or done late"],
        table_rows,
    )
    s["cites"] += [seq for _pk, _f, seq in rows]
    training = view.read(snapshots.TrainingSnapshot)
    if training:
        fact(s, "Training and support sessions logged", len(training))
        fact(s, "People trained or supported", len({f.person for _pk, f, _seq in training}))
        s["cites"] += [seq for _pk, _f, seq in training]
