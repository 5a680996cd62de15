"""Decisions: research areas x contributor influence, promised against actual."""

from __future__ import annotations

from typing import Any

from workings.agreements.snapshots import AgreementVersionSnapshot
from workings.core.vocab import influence_shortfall
from workings.record.snapshots import (
    STANCE_IN_REPORTS,
    DecisionSnapshot,
    DecisionViewSnapshot,
    ItemSnapshot,
)
from workings.reports.sections import fact, item, label, member_name, new, table


def _promised(view: Any) -> dict[str, str]:
    """The decision rights of the agreement in force at the checkpoint."""
    versions = [f for _pk, f, _s in view.read(AgreementVersionSnapshot) if f.status == "in_force"]
    return versions[-1].decision_rights if versions else {}


def build(view: Any) -> dict[str, Any]:
    s = new(
        "decisions",
        "Decisions and who shaped them",
        "For each research area: the contributor influence the agreement promised, against "
        "what the record shows for each decision. Shortfalls are shown, not hidden.",
    )
    areas = ItemSnapshot.labels("area")
    levels = DecisionSnapshot.labels("influence")
    decisions = view.read(DecisionSnapshot)
    promised_now = _promised(view)
    if not decisions:
        if promised_now:
            table(
                s,
                "Influence promised by the agreement",
                ["Research area", "Promised"],
                [[areas.get(a, a), levels.get(p, p)] for a, p in promised_now.items()],
            )
            s["empty"] = "No decisions recorded yet."
            s["recorded"] = True
        return s
    views_by_decision: dict[int | None, list[tuple[DecisionViewSnapshot, int]]] = {}
    for _pk, vf, vseq in view.read(DecisionViewSnapshot):
        views_by_decision.setdefault(vf.decision, []).append((vf, vseq))
    matrix: dict[str, list[str]] = {}
    shortfalls = 0
    for pk, f, seq in decisions:
        found = view.latest(ItemSnapshot, f.item)
        it = found[0] if found else None
        area = (it.area if it else "") or ""
        promised = f.promised or promised_now.get(area, "")
        actual = f.influence
        short = influence_shortfall(promised or None, actual)
        shortfalls += short
        matrix.setdefault(area, []).append(
            f"{levels.get(actual, actual)}{' (shortfall)' if short else ''}"
        )
        body = [f"Decided by: {f.decided_by}", it.body if it else ""]
        for vf, vseq in views_by_decision.get(pk, []):
            body.append(
                f"{member_name(view, vf.membership)} "
                f"({STANCE_IN_REPORTS.get(vf.stance, vf.stance)}): {vf.words}"
            )
            s["cites"].append(vseq)
        item(
            s,
            f"{it.title if it else 'Decision'} ({areas.get(area, 'no area')})",
            "\n\n".join(b for b in body if b),
            f"Influence: {levels.get(actual, actual)}; promised: "
            f"{levels.get(promised, promised) if promised else 'nothing promised'}"
            f"{' — SHORTFALL' if short else ''}; {it.occurred_on if it else ''}",
            [seq],
        )
    rows = []
    for area, area_label in areas.items():
        promised = promised_now.get(area, "")
        found = matrix.get(area, [])
        rows.append(
            [
                area_label,
                label(levels, promised) if promised else "nothing promised",
                ", ".join(found) or "no decisions recorded",
            ]
        )
    table(
        s, "Research areas: influence promised and recorded", ["Area", "Promised", "Recorded"], rows
    )
    fact(s, "Decisions recorded", len(decisions))
    fact(s, "Decisions where contributors had less say than promised", shortfalls)
    return s
