"""Co-owned documents' column on a funder's portfolio (core/portfolio.py): how many of the
project's documents have an approved version. One query for all projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workings.core.portfolio import Column, Figure, register_portfolio_column, slug_url
from workings.documents.models import Document, Version


def documents_approved(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    totals: dict[int, list[int]] = {p.pk: [0, 0] for p in projects}
    rows = (
        Document.objects.filter(project_id__in=list(totals))
        .annotate(ok=Exists(Version.objects.filter(document=OuterRef("pk"), approved=True)))
        .values_list("project_id", "ok")
    )
    for project_id, ok in rows:
        totals[project_id][0] += 1
        totals[project_id][1] += int(ok)
    figures = {}
    address = slug_url("documents:list")
    for project in projects:
        count, approved = totals[project.pk]
        url = address(project.slug)
        value = _("%(approved)s of %(count)s") % {"approved": approved, "count": count}
        share = approved / count if count else 0.0
        figures[project.pk] = Figure(value, url=url, sort=share)
    return figures


def register() -> None:
    register_portfolio_column(
        Column("documents_approved", gettext_lazy("Documents approved"), documents_approved, 60)
    )
