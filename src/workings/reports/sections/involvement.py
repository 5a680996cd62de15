"""Involvement over time: activities by kind and research stage (from the working record
when it exists), and always the record's own activity by month."""

from __future__ import annotations

from collections import Counter
from typing import Any

from workings.reports.sections import day, new, table

STAGE_FIELDS = ("stage", "research_stage", "area")
KIND_FIELDS = ("kind", "activity_kind", "type")


def _pick(fields: dict[str, Any], names: tuple[str, ...]) -> str:
    for n in names:
        if fields.get(n):
            return str(fields[n])
    return "not stated"


def build(view: Any) -> dict[str, Any]:
    s = new(
        "involvement",
        "Involvement over time",
        "Meetings and activities by kind and research stage, and how much was recorded each month.",
    )
    activities = view.rows("record.meeting") + view.rows("record.activity")
    if activities:
        grid: Counter[tuple[str, str]] = Counter()
        for _pk, f, seq in activities:
            grid[(_pick(f, KIND_FIELDS), _pick(f, STAGE_FIELDS))] += 1
            s["cites"].append(seq)
        table(
            s,
            "Activities by kind and research stage",
            ["Kind", "Stage", "Number"],
            [[k, st, n] for (k, st), n in sorted(grid.items())],
        )
    months: Counter[str] = Counter()
    for e in view.entries:
        months[day(e.recorded_at.isoformat())[:7]] += 1
    table(
        s,
        "Entries recorded each month",
        ["Month", "Entries"],
        [[m, n] for m, n in sorted(months.items())],
    )
    return s
