"""The portfolio: every project an organisation funds, one row each, with the figures the
apps give through core/portfolio.py. Each column is computed once for all projects, so the
page costs the same few queries for 5 projects or 500 (tests/funders/test_portfolio.py).

What it shows and why: docs/decisions/portfolio.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workings.core.csvfile import csv_lines
from workings.core.portfolio import Column, Figure, portfolio_columns
from workings.funders.models import FunderOrganisation
from workings.funders.selectors import confirmed_projects

ATTENTION = "attention"  # the default order: most flags first


@dataclass(frozen=True)
class Row:
    project: Any
    cells: list[tuple[Column, Figure | None]]

    @property
    def flags(self) -> int:
        return sum(1 for _, figure in self.cells if figure is not None and figure.flagged)


@dataclass(frozen=True)
class Portfolio:
    columns: list[Column]
    rows: list[Row]
    sort: str = ATTENTION
    descending: bool = True
    total: int = 0
    filters: dict[str, str] = field(default_factory=dict)


def _sort_key(row: Row, key: str) -> tuple[float, str]:
    if key == "project":
        return (0.0, row.project.title.casefold())
    for column, figure in row.cells:
        if column.key == key:
            return (figure.sort if figure is not None else -1.0, row.project.title.casefold())
    return (float(row.flags), row.project.title.casefold())


def portfolio_for(
    *, organisation: FunderOrganisation, today: dt.date, params: Mapping[str, str] | None = None
) -> Portfolio:
    """The rows, filtered by ``q`` (words in the title) and ``flagged`` ("1": only projects
    with something flagged), sorted by ``sort`` (a column key, "project" or "attention") in
    ``order`` ("asc" or "desc")."""
    params = params or {}
    columns = portfolio_columns()
    projects = confirmed_projects(organisation=organisation)
    total = len(projects)
    words = (params.get("q") or "").strip()
    if words:
        projects = [p for p in projects if words.casefold() in p.title.casefold()]
    figures = {
        column.key: column.compute(projects, today) if projects else {} for column in columns
    }
    rows = [
        Row(p, [(column, figures[column.key].get(p.pk)) for column in columns]) for p in projects
    ]
    if params.get("flagged") == "1":
        rows = [row for row in rows if row.flags]
    keys = {c.key for c in columns} | {"project", ATTENTION}
    sort = params.get("sort") or ATTENTION
    sort = sort if sort in keys else ATTENTION
    default_desc = sort != "project"
    order = params.get("order")
    descending = default_desc if order not in ("asc", "desc") else order == "desc"
    if sort == ATTENTION:
        rows.sort(key=lambda r: r.project.title.casefold())
        rows.sort(key=lambda r: r.flags, reverse=descending)
    else:
        rows.sort(key=lambda r: _sort_key(r, sort), reverse=descending)
    return Portfolio(
        columns=columns,
        rows=rows,
        sort=sort,
        descending=descending,
        total=total,
        filters={"q": words, "flagged": "1" if params.get("flagged") == "1" else ""},
    )


def csv_plain(
    rows: Iterable[tuple[str, str, Sequence[tuple[Any, bool, str] | None]]],
    columns: Sequence[str],
    base_url: str,
) -> Iterator[str]:
    """The portfolio as CSV lines from (title, slug, cells) rows, each cell (value, flagged,
    url) or None: the project, then each column's value and whether it is flagged. Every
    cell is made formula-safe (core/csvfile.py)."""
    fields = ["project", "project_address"]
    for key in columns:
        fields += [key, key + "_flagged"]

    def lines() -> Iterator[dict[str, Any]]:
        for title, slug, cells in rows:
            out: dict[str, Any] = {
                "project": title,
                "project_address": f"{base_url}/projects/{slug}/",
            }
            for key, cell in zip(columns, cells, strict=True):
                out[key] = "" if cell is None else str(cell[0])
                out[key + "_flagged"] = "yes" if cell is not None and cell[1] else ""
            yield out

    return csv_lines(fields, lines())


def csv_rows(portfolio: Portfolio, base_url: str) -> Iterator[str]:
    """The portfolio as CSV lines (csv_plain over its rows)."""
    return csv_plain(
        (
            (
                row.project.title,
                row.project.slug,
                [None if f is None else (f.value, f.flagged, f.url) for _c, f in row.cells],
            )
            for row in portfolio.rows
        ),
        [c.key for c in portfolio.columns],
        base_url,
    )
