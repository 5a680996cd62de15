"""Money's column on a funder's portfolio (core/portfolio.py): payments to contributors
made late or still late. One query for all projects (the rule is selectors.late_claims')."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy

from workings.core.portfolio import Column, Figure, register_portfolio_column, slug_url
from workings.money.models import Claim, ClaimStatus


def late_payments(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    counts = dict(
        Claim.objects.filter(project_id__in=[p.pk for p in projects])
        .filter(
            Q(status=ClaimStatus.PAID, paid_on__gt=F("due_on"))
            | Q(status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED], due_on__lt=today)
        )
        .values_list("project_id")
        .annotate(n=Count("id"))
        .values_list("project_id", "n")
    )
    figures = {}
    address = slug_url("money:home")
    for project in projects:
        n = counts.get(project.pk, 0)
        url = address(project.slug)
        figures[project.pk] = Figure(n, flagged=n > 0, url=url, sort=n)
    return figures


def register() -> None:
    register_portfolio_column(
        Column("late_payments", gettext_lazy("Late payments"), late_payments, order=50)
    )
