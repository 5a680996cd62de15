"""The portfolio page and its CSV. Thin: the policy, the kept rows, render.

The rows are kept (funders/portfolio_kept.py) while none of the organisation's projects'
logs moves, and shared with the CSV and the API; each page of the table and each CSV is
kept under the same key (docs/decisions/portfolio-speed.md).
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from workings.core import clock
from workings.funders.portfolio import ATTENTION
from workings.funders.portfolio_kept import KeptPortfolio, Shared, csv_text, shared
from workings.funders.portfolio_rows import rows_html_plain
from workings.funders.views import OrganisationMixin
from workings.funders.witnessing import open_alarms

PAGE_SIZE = 100


def _shared(request: HttpRequest, organisation: Any) -> Shared:
    return shared(
        organisation=organisation,
        reader=request.user,
        language=getattr(request, "LANGUAGE_CODE", ""),
        params=request.GET,
    )


def _table(portfolio: KeptPortfolio, page_number: str | None) -> dict[str, Any]:
    """One page of the table's rows (as HTML) and what the page says around them."""
    page = Paginator(portfolio.rows, PAGE_SIZE).get_page(page_number)
    return {
        "rows_html": str(
            rows_html_plain(
                ((r.slug, r.title, r.cells) for r in page.object_list),
                [label for _key, label in portfolio.columns],
            )
        ),
        "page_number": page.number,
        "count": len(portfolio.rows),
        "total": portfolio.total,
        "sort": portfolio.sort,
        "descending": portfolio.descending,
        "filters": portfolio.filters,
        "columns": list(portfolio.columns),
    }


class PortfolioView(OrganisationMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        number = request.GET.get("page")
        table = _shared(request, self.organisation).output(
            f"page:{number}", lambda rows: _table(rows, number)
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
        base = request.build_absolute_uri("/").rstrip("/")
        text = _shared(request, self.organisation).output(
            f"csv:{base}", lambda rows: csv_text(rows, base)
        )
        response = StreamingHttpResponse([text], content_type="text/csv")
        name = f"portfolio-{self.organisation.slug}-{clock.today():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
