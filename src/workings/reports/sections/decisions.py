"""Decisions: research areas x contributor influence, promised against actual."""

from __future__ import annotations

from typing import Any

from workings.core.vocab import InfluenceLevel, ResearchArea, influence_shortfall
from workings.reports.sections import fact, item, label, member_name, new, table

AREAS = dict(ResearchArea.choices)
LEVELS = dict(InfluenceLevel.choices)
STANCES = {"agree": "Agrees", "disagree": "Disagrees", "mixed": "Mixed feelings"}


def _promised(view: Any) -> dict[str, str]:
    """The decision rights of the agreement in force at the checkpoint."""
    versions = [
        f
        for _pk, f, _s in view.rows("agreements.agreementversion")
        if f.get("status") == "in_force"
    ]
    return (
        dict((versions[-1].get("content") or {}).get("decision_rights") or {}) if versions else {}
    )


def build(view: Any) -> dict[str, Any]:
    s = new(
        "decisions",
        "Decisions and who shaped them",
        "For each research area: the contributor influence the agreement promised, against "
        "what the record shows for each decision. Shortfalls are shown, not hidden.",
    )
    items = view.state.get("record.item", {})
    decisions = view.rows("record.decision")
    promised_now = _promised(view)
    if not decisions:
        if promised_now:
            table(
                s,
                "Influence promised by the agreement",
                ["Research area", "Promised"],
                [[AREAS.get(a, a), LEVELS.get(p, p)] for a, p in promised_now.items()],
            )
            s["empty"] = "No decisions recorded yet."
            s["recorded"] = True
        return s
    views_by_decision: dict[int, list[tuple[dict[str, Any], int]]] = {}
    for _pk, f, seq in view.rows("record.decisionview"):
        views_by_decision.setdefault(f.get("decision"), []).append((f, seq))
    matrix: dict[str, list[str]] = {}
    shortfalls = 0
    for pk, f, seq in decisions:
        it = items.get(f.get("item"), ({}, seq))[0]
        area = it.get("area") or ""
        promised = f.get("promised") or promised_now.get(area, "")
        actual = f.get("influence")
        short = influence_shortfall(promised or None, actual)
        shortfalls += short
        matrix.setdefault(area, []).append(
            f"{LEVELS.get(actual, actual)}{' (shortfall)' if short else ''}"
        )
        body = [f"Decided by: {f.get('decided_by', '')}", it.get("body", "")]
        for vf, vseq in views_by_decision.get(pk, []):
            body.append(
                f"{member_name(view, vf.get('membership'))} "
                f"({STANCES.get(vf.get('stance'), vf.get('stance'))}): {vf.get('words', '')}"
            )
            s["cites"].append(vseq)
        item(
            s,
            f"{it.get('title', 'Decision')} ({AREAS.get(area, 'no area')})",
            "\n\n".join(b for b in body if b),
            f"Influence: {LEVELS.get(actual, actual)}; promised: "
            f"{LEVELS.get(promised, promised) if promised else 'nothing promised'}"
            f"{' — SHORTFALL' if short else ''}; {it.get('occurred_on', '')}",
            [seq],
        )
    rows = []
    for area, area_label in ResearchArea.choices:
        promised = promised_now.get(area, "")
        found = matrix.get(area, [])
        rows.append(
            [
                area_label,
                label(LEVELS, promised) if promised else "nothing promised",
                ", ".join(found) or "no decisions recorded",
            ]
        )
    table(
        s, "Research areas: influence promised and recorded", ["Area", "Promised", "Recorded"], rows
    )
    fact(s, "Decisions recorded", len(decisions))
    fact(s, "Decisions where contributors had less say than promised", shortfalls)
    return s
