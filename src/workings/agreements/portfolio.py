"""The agreement's column on a funder's portfolio (core/portfolio.py): is an agreement in
force? One query for all projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workings.agreements.models import OPEN_STATUSES, AgreementVersion, VersionStatus
from workings.core.portfolio import Column, Figure, register_portfolio_column


def agreement_status(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    statuses: dict[int, set[str]] = {p.pk: set() for p in projects}
    rows = AgreementVersion.objects.filter(project_id__in=list(statuses)).values_list(
        "project_id", "status"
    )
    for project_id, status in rows:
        statuses[project_id].add(status)
    figures = {}
    for project in projects:
        found = statuses[project.pk]
        url = reverse("agreements:home", args=[project.slug])
        if VersionStatus.IN_FORCE in found:
            figures[project.pk] = Figure(_("In force"), url=url, sort=2)
        elif found & set(OPEN_STATUSES):
            figures[project.pk] = Figure(_("Being agreed"), flagged=True, url=url, sort=1)
        else:
            figures[project.pk] = Figure(_("None yet"), flagged=True, url=url, sort=0)
    return figures


def register() -> None:
    register_portfolio_column(
        Column("agreement", gettext_lazy("Agreement"), agreement_status, order=10)
    )
