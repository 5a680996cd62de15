"""Disagreements and compromises: each side in its own words, and how it ended."""

from __future__ import annotations

from typing import Any

from workings.record.snapshots import DisagreementSnapshot, ItemSnapshot, PositionSnapshot
from workings.reports.sections import fact, item, member_name, new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "disagreements",
        "Disagreements and compromises",
        "Each side's position in its own words (as its author last wrote it), and how the "
        "disagreement ended.",
    )
    rows = view.read(DisagreementSnapshot)
    if not rows:
        return s
    outcomes = DisagreementSnapshot.labels("outcome")
    sides = PositionSnapshot.labels("side")
    positions: dict[int | None, list[tuple[PositionSnapshot, int]]] = {}
    for _pk, pf, pseq in view.read(PositionSnapshot):
        positions.setdefault(pf.disagreement, []).append((pf, pseq))
    counts: dict[str, int] = {}
    for pk, f, seq in rows:
        found = view.latest(ItemSnapshot, f.item)
        it, iseq = found if found else (None, seq)
        outcome = f.outcome
        counts[outcome] = counts.get(outcome, 0) + 1
        parts = [it.body if it else ""]
        cites = [seq, iseq]
        for pf, pseq in positions.get(pk, []):
            parts.append(
                f"{sides.get(pf.side, pf.side)}, "
                f"{member_name(view, pf.author_membership)}: {pf.text}"
            )
            cites.append(pseq)
        if f.outcome_text:
            parts.append(f"Outcome: {f.outcome_text}")
        if f.research_team_gave:
            parts.append(f"The research team gave: {f.research_team_gave}")
        if f.contributors_gave:
            parts.append(f"Contributors gave: {f.contributors_gave}")
        if f.what_changed:
            parts.append(f"What changed: {f.what_changed}")
        item(
            s,
            it.title if it else "Disagreement",
            "\n\n".join(p for p in parts if p),
            f"{outcomes.get(outcome, outcome)}; raised {it.occurred_on if it else ''}",
            cites,
        )
    for key, name in outcomes.items():
        if counts.get(key):
            fact(s, name, counts[key])
    return s
