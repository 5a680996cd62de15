"""The portfolio page and its CSV. Thin: the policy, one selector, render."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from workings.core import clock
from workings.funders.portfolio import ATTENTION, csv_rows, portfolio_for
from workings.funders.portfolio_rows import rows_html
from workings.funders.views import OrganisationMixin
from workings.funders.witnessing import open_alarms

PAGE_SIZE = 100


def _params(request: HttpRequest) -> dict[str, str]:
    return {k: request.GET.get(k, "") for k in ("q", "flagged", "sort", "order")}


class PortfolioView(OrganisationMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        params = _params(request)
        portfolio = portfolio_for(
            organisation=self.organisation, today=clock.today(), params=params
        )
        page = Paginator(portfolio.rows, PAGE_SIZE).get_page(request.GET.get("page"))
        filters = {k: v for k, v in portfolio.filters.items() if v}
        headings: list[dict[str, Any]] = []
        for key, label in [("project", None)] + [(c.key, c.label) for c in portfolio.columns]:
            current = portfolio.sort == key
            flip = "asc" if portfolio.descending else "desc"
            order = flip if current else ("asc" if key == "project" else "desc")
            headings.append(
                {
                    "key": key,
                    "label": label,
                    "current": current,
                    "aria": ("descending" if portfolio.descending else "ascending")
                    if current
                    else "",
                    "query": urlencode({**filters, "sort": key, "order": order}),
                }
            )
        keep = {**filters, "sort": portfolio.sort}
        return render(
            request,
            "funders/portfolio.html",
            {
                "organisation": self.organisation,
                "alarms": open_alarms(organisation=self.organisation),
                "portfolio": portfolio,
                "page": page,
                "rows_html": rows_html(page.object_list),
                "headings": headings,
                "by_attention": portfolio.sort == ATTENTION,
                "csv_query": urlencode(keep),
                "page_query": urlencode(
                    {**keep, "order": "desc" if portfolio.descending else "asc"}
                ),
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
