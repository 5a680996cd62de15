"""Involvement over time: activities by kind and research stage (from the working record
when it exists), and always the record's own activity by month."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import Any

from workings.record.snapshots import ItemSnapshot, MeetingSnapshot
from workings.reports.sections import day, label, new, table

NO_STAGE = "Not linked to a stage"


def _hours(total: Decimal | None) -> str:
    """1.5 as "1.5", 5.00 as "5", 10098.99 as "10098.99" (never rounded)."""
    if total is None:
        return "0"
    text = f"{total:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def build(view: Any) -> dict[str, Any]:
    s = new(
        "involvement",
        "Involvement over time",
        "Meetings and activities by kind and research stage, and how much was recorded each month.",
    )
    activities = view.read(MeetingSnapshot)
    if activities:
        kinds = MeetingSnapshot.labels("activity")
        areas = {**ItemSnapshot.labels("area"), "none": NO_STAGE}
        grid: Counter[tuple[str, str]] = Counter()
        hours: dict[tuple[str, str], Decimal] = {}
        for _pk, f, seq in activities:
            found = view.latest(ItemSnapshot, f.item)
            area = (found[0].area if found else "") or "none"
            key = (label(kinds, f.activity), label(areas, area))
            grid[key] += 1
            try:  # exact: a float sum printed with :g kept only six digits
                hours[key] = hours.get(key, Decimal(0)) + Decimal(str(f.hours or 0))
            except InvalidOperation:
                pass
            s["cites"].append(seq)
        table(
            s,
            "Meetings and activities by kind and research stage",
            ["Kind", "Research stage", "Number", "Hours"],
            [[k, st, n, _hours(hours.get((k, st)))] for (k, st), n in sorted(grid.items())],
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
