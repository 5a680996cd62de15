"""Involvement over time: activities by kind and research stage (from the working record
when it exists), and always the record's own activity by month."""

from __future__ import annotations

from collections import Counter
from typing import Any

from workings.core.vocab import ResearchArea
from workings.reports.sections import day, label, new, table

AREAS = {**dict(ResearchArea.choices), "none": "Not linked to a stage"}
ACTIVITIES = {
    "meeting": "Meeting",
    "workshop": "Workshop",
    "document_review": "Document review",
    "training": "Training",
    "event": "Event",
    "other": "Other",
}


def build(view: Any) -> dict[str, Any]:
    s = new(
        "involvement",
        "Involvement over time",
        "Meetings and activities by kind and research stage, and how much was recorded each month.",
    )
    items = view.state.get("record.item", {})
    activities = view.rows("record.meeting")
    if activities:
        grid: Counter[tuple[str, str]] = Counter()
        hours: Counter[tuple[str, str]] = Counter()
        for _pk, f, seq in activities:
            it = items.get(f.get("item"), ({}, seq))[0]
            key = (label(ACTIVITIES, f.get("activity")), label(AREAS, it.get("area") or "none"))
            grid[key] += 1
            try:
                hours[key] += float(f.get("hours") or 0)
            except ValueError:
                pass
            s["cites"].append(seq)
        table(
            s,
            "Meetings and activities by kind and research stage",
            ["Kind", "Research stage", "Number", "Hours"],
            [[k, st, n, f"{hours[(k, st)]:g}"] for (k, st), n in sorted(grid.items())],
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
