"""The working record's column on a funder's portfolio (core/portfolio.py): feedback whose
answer is overdue. One query for all projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy

from workings.core.portfolio import Column, Figure, register_portfolio_column, slug_url
from workings.record.models.items import Item, Kind


def overdue_feedback(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    counts = dict(
        Item.objects.filter(
            project_id__in=[p.pk for p in projects],
            kind=Kind.FEEDBACK,
            is_open=True,
            due_on__lt=today,
        )
        .values_list("project_id")
        .annotate(n=Count("id"))
        .values_list("project_id", "n")
    )
    figures = {}
    address = slug_url("record:timeline", "?status=overdue")
    for project in projects:
        n = counts.get(project.pk, 0)
        url = address(project.slug)
        figures[project.pk] = Figure(n, flagged=n > 0, url=url, sort=n)
    return figures


def register() -> None:
    register_portfolio_column(
        Column("overdue_feedback", gettext_lazy("Overdue feedback"), overdue_feedback, order=20)
    )
