"""When a project's next scheduled audit falls due: every 12 months by default, or at the
interval its funder organisation sets (read through the funders app where it offers one)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

DEFAULT_INTERVAL_MONTHS = 12


def interval_months(project: Any) -> int:
    """The funder organisation's interval where the funders app gives one, else 12."""
    from workings.funders import selectors as funder_selectors

    lookup = getattr(funder_selectors, "audit_interval_months", None)
    months = lookup(project) if lookup is not None else None
    return int(months) if months else DEFAULT_INTERVAL_MONTHS


def interval_months_for(projects: Any) -> dict[int, int]:
    """`interval_months` for many projects in one query: {project id: months}."""
    from workings.funders import selectors as funder_selectors

    lookup = getattr(funder_selectors, "audit_intervals", None)
    found = lookup([p.pk for p in projects]) if lookup is not None else {}
    return {p.pk: int(found.get(p.pk) or DEFAULT_INTERVAL_MONTHS) for p in projects}


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(project: Any, last_opened: dt.date | None, months: int | None = None) -> dt.date:
    """A scheduled audit falls due an interval after the last audit opened (or after the
    project started, before its first). ``months``: the interval, when the caller read it
    already (interval_months_for)."""
    if months is None:
        months = interval_months(project)
    return add_months(last_opened or project.start_date, months)
