"""The columns of a funder's portfolio, as the apps that own the figures see them.

The portfolio (a funder reviewer's page of every project of the organisation) shows figures
that belong to many apps: concerns, money, documents, plans and audits, verification. The
page sits above them all, but the figures are each app's own business, so each app
registers its columns from its AppConfig.ready() and the portfolio asks them all.

A column computes its figure for *all* the listed projects in one call, so the page costs a
bounded number of queries however many projects there are (the portfolio's query-count test
holds every column to that).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Figure:
    """One project's figure in one column.

    ``value`` is what the cell shows (a count, or a short word such as "In force");
    ``flagged`` marks what needs the funder's attention (overdue, late, disputed, slipped);
    ``url`` is the evidence the figure links to ("" when there is none to show the reader);
    ``sort`` orders the column (higher sorts first when sorted by urgency).
    """

    value: int | str
    flagged: bool = False
    url: str = ""
    sort: float = 0.0


# (projects, today) -> {project id: Figure}. Projects missing from the answer show "—".
Compute = Callable[[Sequence[Any], dt.date], dict[int, Figure]]


@dataclass(frozen=True)
class Column:
    key: str  # stable, used in query strings and CSV headers: "open_concerns"
    label: Any  # a (lazy) translated heading
    compute: Compute
    order: int = 100  # left to right


_columns: dict[str, Column] = {}


def register_portfolio_column(column: Column) -> None:
    _columns[column.key] = column


def portfolio_columns() -> list[Column]:
    return sorted(_columns.values(), key=lambda c: (c.order, c.key))


_SLUG = "0portfolio0slug0"  # a slug no route holds, replaced by each project's


def slug_url(viewname: str, query: str = "") -> Callable[[str], str]:
    """The address of ``viewname`` for any project's slug, reversed once: a column calls it
    once and formats every project's address from it, instead of reversing per project.
    Slugs hold only letters, digits, "-" and "_", which addresses never escape, so the
    result is what ``reverse(viewname, args=[slug]) + query`` would give."""
    from django.urls import reverse

    head, _, tail = reverse(viewname, args=[_SLUG]).partition(_SLUG)
    return lambda slug: f"{head}{slug}{tail}{query}"
