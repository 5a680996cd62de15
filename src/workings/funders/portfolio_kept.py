"""The portfolio's rows, computed once and kept for the page, its CSV and the API alike.

Computing every column for 200 projects is the slow part of all three (bench/README.md).
Every figure comes from a project's ledgered writes, so the rows are kept (events/fragments,
the per-process cache the project pages use) under a key that holds each confirmed
project's id, title, slug and log size (one query), the organisation's settings, the
reader, the day, the language and the filters and order asked for. Each form of output
(the page's table, the CSV text, the API's JSON) is then kept under that key too, so a
repeated download costs the key's query and no more. docs/decisions/portfolio-speed.md.

The kept rows hold plain values (no model instances): the cache pickles what it keeps, and
strings, numbers and tuples cost least to unpickle.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from workings.core import clock
from workings.events.fragments import kept
from workings.funders.models import FunderOrganisation, ProjectFunder
from workings.funders.portfolio import ATTENTION, csv_plain, portfolio_for

PARAMS = ("q", "flagged", "sort", "order")

# (value, flagged, url), or None where the column has nothing for the project
Cell = tuple[int | str, bool, str] | None


@dataclass(frozen=True)
class KeptRow:
    pk: int
    slug: str
    title: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class KeptPortfolio:
    columns: tuple[tuple[str, str], ...]  # (key, translated heading)
    rows: tuple[KeptRow, ...]
    sort: str = ATTENTION
    descending: bool = True
    total: int = 0
    filters: dict[str, str] = field(default_factory=dict)


def params_of(values: Mapping[str, str]) -> dict[str, str]:
    """The filters and order asked for, with nothing else of the address."""
    return {k: str(values.get(k) or "") for k in PARAMS}


def rows_key(
    *, organisation: FunderOrganisation, reader: Any, language: str, params: Mapping[str, str]
) -> str:
    """Everything the rows depend on, in one query for the projects' side."""
    projects = (
        ProjectFunder.objects.filter(
            organisation=organisation, status=ProjectFunder.Status.CONFIRMED
        )
        .order_by("project_id")
        .values_list("project_id", "project__title", "project__slug", "project__log__size")
    )
    settings = sorted((k, repr(v)) for k, v in vars(organisation).items() if k != "_state")
    parts = [
        repr(list(projects)),
        repr(settings),
        str(getattr(reader, "pk", None)),
        clock.today().isoformat(),
        language,
        repr(sorted(params_of(params).items())),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"funders-portfolio:{organisation.pk}:{digest}"


def _plain(value: Any) -> int | str:
    return value if isinstance(value, int) else str(value)


def compute_rows(*, organisation: FunderOrganisation, params: Mapping[str, str]) -> KeptPortfolio:
    portfolio = portfolio_for(
        organisation=organisation, today=clock.today(), params=params_of(params)
    )
    return KeptPortfolio(
        columns=tuple((c.key, str(c.label)) for c in portfolio.columns),
        rows=tuple(
            KeptRow(
                row.project.pk,
                row.project.slug,
                row.project.title,
                tuple(
                    None if f is None else (_plain(f.value), f.flagged, f.url)
                    for _c, f in row.cells
                ),
            )
            for row in portfolio.rows
        ),
        sort=portfolio.sort,
        descending=portfolio.descending,
        total=portfolio.total,
        filters=portfolio.filters,
    )


@dataclass(frozen=True)
class Shared:
    """One request's view of the kept rows: the key, and the rows made only if needed."""

    key: str
    organisation: FunderOrganisation
    params: dict[str, str]

    def rows(self) -> KeptPortfolio:
        return kept(
            self.key,
            lambda: compute_rows(organisation=self.organisation, params=self.params),
        )

    def output(self, form: str, make: Callable[[KeptPortfolio], Any]) -> Any:
        """One form of output (a table page, the CSV, the JSON), kept under the same key."""
        digest = hashlib.sha256(form.encode()).hexdigest()[:32]  # the address's page, say
        return kept(f"{self.key}:{digest}", lambda: make(self.rows()))


def shared(
    *, organisation: FunderOrganisation, reader: Any, language: str, params: Mapping[str, str]
) -> Shared:
    wanted = params_of(params)
    key = rows_key(organisation=organisation, reader=reader, language=language, params=wanted)
    return Shared(key=key, organisation=organisation, params=wanted)


def csv_text(portfolio: KeptPortfolio, base_url: str) -> str:
    return "".join(
        csv_plain(
            ((row.title, row.slug, row.cells) for row in portfolio.rows),
            [key for key, _label in portfolio.columns],
            base_url,
        )
    )


def api_body(portfolio: KeptPortfolio) -> dict[str, Any]:
    """What the API's PortfolioOut schema gives, made as plain data (no schema objects)."""
    keys = [key for key, _label in portfolio.columns]
    return {
        "columns": [{"key": key, "label": label} for key, label in portfolio.columns],
        "projects": [
            {
                "slug": row.slug,
                "title": row.title,
                "figures": {
                    key: None
                    if cell is None
                    else {"value": cell[0], "flagged": cell[1], "url": cell[2]}
                    for key, cell in zip(keys, row.cells, strict=True)
                },
            }
            for row in portfolio.rows
        ],
    }
