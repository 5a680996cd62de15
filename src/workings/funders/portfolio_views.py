"""The portfolio page and its CSV. Thin: the policy, one selector, render.

The page's table is kept (events/fragments.py) while none of the organisation's projects'
logs moves: every figure it shows comes from a project's ledgered writes, so the key holds
each project's log size, its title and slug, the organisation's settings, the
reader, the day, the language and the address (docs/decisions/portfolio-speed.md).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from workings.core import clock
from workings.events.fragments import kept
from workings.funders.models import ProjectFunder
from workings.funders.portfolio import ATTENTION, csv_rows, portfolio_for
from workings.funders.portfolio_rows import rows_html
from workings.funders.views import OrganisationMixin
from workings.funders.witnessing import open_alarms

PAGE_SIZE = 100


def _params(request: HttpRequest) -> dict[str, str]:
    return {k: request.GET.get(k, "") for k in ("q", "flagged", "sort", "order")}


def _table_key(request: HttpRequest, organisation: Any) -> str:
    """Everything the table depends on, in one query for the projects' side."""
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
        str(getattr(request.user, "pk", None)),
        clock.today().isoformat(),
        getattr(request, "LANGUAGE_CODE", ""),
        request.get_full_path(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"funders-portfolio:{organisation.pk}:{digest}"


def _table(request: HttpRequest, organisation: Any) -> dict[str, Any]:
    """The table's rows (as HTML) and what the page says around them."""
    portfolio = portfolio_for(
        organisation=organisation, today=clock.today(), params=_params(request)
    )
    page = Paginator(portfolio.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "rows_html": str(rows_html(page.object_list)),
        "page_number": page.number,
        "count": len(portfolio.rows),
        "total": portfolio.total,
        "sort": portfolio.sort,
        "descending": portfolio.descending,
        "filters": portfolio.filters,
        "columns": [(c.key, str(c.label)) for c in portfolio.columns],
    }


class PortfolioView(OrganisationMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        table = kept(
            _table_key(request, self.organisation), lambda: _table(request, self.organisation)
        )
        page = Paginator(range(table["count"]), PAGE_SIZE).get_page(table["page_number"])
        filters = {k: v for k, v in table["filters"].items() if v}
        descending = table["descending"]
        headings: list[dict[str, Any]] = []
        for key, label in [("project", None), *table["columns"]]:
            current = table["sort"] == key
            flip = "asc" if descending else "desc"
            order = flip if current else ("asc" if key == "project" else "desc")
            headings.append(
                {
                    "key": key,
                    "label": label,
                    "current": current,
                    "aria": ("descending" if descending else "ascending") if current else "",
                    "query": urlencode({**filters, "sort": key, "order": order}),
                }
            )
        keep = {**filters, "sort": table["sort"]}
        return render(
            request,
            "funders/portfolio.html",
            {
                "organisation": self.organisation,
                "alarms": open_alarms(organisation=self.organisation),
                "portfolio": table,
                "page": page,
                "headings": headings,
                "by_attention": table["sort"] == ATTENTION,
                "csv_query": urlencode(keep),
                "page_query": urlencode({**keep, "order": "desc" if descending else "asc"}),
            },
        )


class PortfolioCsvView(OrganisationMixin):
    def get(self, request: HttpRequest, slug: str) -> StreamingHttpResponse:
        portfolio = portfolio_for(
            organisation=self.organisation, today=clock.today(), params=_params(request)
        )
        base = request.build_absolute_uri("/").rstrip("/")
        response = StreamingHttpResponse(csv_rows(portfolio, base), content_type="text/csv")
        name = f"portfolio-{self.organisation.slug}-{clock.today():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
