"""The agreement's column on a funder's portfolio (core/portfolio.py): is an agreement in
force? One query for all projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workings.agreements.models import OPEN_STATUSES, AgreementVersion, VersionStatus
from workings.core.portfolio import Column, Figure, register_portfolio_column, slug_url


def agreement_status(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    statuses: dict[int, set[str]] = {p.pk: set() for p in projects}
    rows = AgreementVersion.objects.filter(project_id__in=list(statuses)).values_list(
        "project_id", "status"
    )
    for project_id, status in rows:
        statuses[project_id].add(status)
    figures = {}
    address = slug_url("agreements:home")
    in_force, being_agreed, none_yet = _("In force"), _("Being agreed"), _("None yet")
    open_statuses = set(OPEN_STATUSES)
    for project in projects:
        found = statuses[project.pk]
        url = address(project.slug)
        if VersionStatus.IN_FORCE in found:
            figures[project.pk] = Figure(in_force, url=url, sort=2)
        elif found & open_statuses:
            figures[project.pk] = Figure(being_agreed, flagged=True, url=url, sort=1)
        else:
            figures[project.pk] = Figure(none_yet, flagged=True, url=url, sort=0)
    return figures


def register() -> None:
    register_portfolio_column(
        Column("agreement", gettext_lazy("Agreement"), agreement_status, order=10)
    )
