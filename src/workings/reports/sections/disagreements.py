"""Disagreements and compromises: each side in its own words, and how it ended."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import fact, item, member_name, new

OUTCOMES = {
    "open": "Not settled yet",
    "resolved": "Resolved",
    "compromise": "Compromise",
    "unresolved": "Left unresolved",
    "escalated": "Escalated to a concern",
}
SIDES = {"research_team": "Research team", "contributors": "Public contributors"}


def build(view: Any) -> dict[str, Any]:
    s = new(
        "disagreements",
        "Disagreements and compromises",
        "Each side's position in its own words (as its author last wrote it), and how the "
        "disagreement ended.",
    )
    rows = view.rows("record.disagreement")
    if not rows:
        return s
    items = view.state.get("record.item", {})
    positions: dict[int, list[tuple[dict[str, Any], int]]] = {}
    for _pk, f, seq in view.rows("record.position"):
        positions.setdefault(f.get("disagreement"), []).append((f, seq))
    counts: dict[str, int] = {}
    for pk, f, seq in rows:
        it, iseq = items.get(f.get("item"), ({}, seq))
        outcome = f.get("outcome", "open")
        counts[outcome] = counts.get(outcome, 0) + 1
        parts = [it.get("body", "")]
        cites = [seq, iseq]
        for pf, pseq in positions.get(pk, []):
            parts.append(
                f"{SIDES.get(pf.get('side'), pf.get('side'))}, "
                f"{member_name(view, pf.get('author_membership'))}: {pf.get('text', '')}"
            )
            cites.append(pseq)
        if f.get("outcome_text"):
            parts.append(f"Outcome: {f['outcome_text']}")
        if f.get("research_team_gave"):
            parts.append(f"The research team gave: {f['research_team_gave']}")
        if f.get("contributors_gave"):
            parts.append(f"Contributors gave: {f['contributors_gave']}")
        if f.get("what_changed"):
            parts.append(f"What changed: {f['what_changed']}")
        item(
            s,
            it.get("title", "Disagreement"),
            "\n\n".join(p for p in parts if p),
            f"{OUTCOMES.get(outcome, outcome)}; raised {it.get('occurred_on', '')}",
            cites,
        )
    for key, name in OUTCOMES.items():
        if counts.get(key):
            fact(s, name, counts[key])
    return s
