"""Concerns' columns on a funder's portfolio (core/portfolio.py): concerns not yet closed,
and how many of them are sealed (confidential or anonymous), as counts only, with those
past their stage's response date flagged. Never a subject, a word of the text, or who
raised it. One query per column for all projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workings.concerns.models import SEALED_MODES, Concern, Status
from workings.core.portfolio import Column, Figure, register_portfolio_column, slug_url


def is_overdue(
    status: str, stages: Any, stage_index: int, started: dt.date, today: dt.date
) -> bool:
    """Waiting for a response past the current stage's response date."""
    if status != Status.AWAITING:
        return False
    try:
        days = int(stages[stage_index]["response_days"])
    except (IndexError, KeyError, TypeError, ValueError):
        return False
    return started + dt.timedelta(days=days) < today


def _counts(projects: Sequence[Any], today: dt.date) -> dict[int, dict[str, int]]:
    counts = {p.pk: {"open": 0, "open_late": 0, "sealed": 0, "sealed_late": 0} for p in projects}
    rows = (
        Concern.objects.filter(project_id__in=list(counts))
        .exclude(status=Status.CLOSED)
        .values_list("project_id", "mode", "status", "stages", "stage_index", "stage_started_on")
    )
    for project_id, mode, status, stages, index, started in rows:
        late = is_overdue(status, stages, index, started, today)
        counts[project_id]["open"] += 1
        counts[project_id]["open_late"] += int(late)
        if mode in SEALED_MODES:
            counts[project_id]["sealed"] += 1
            counts[project_id]["sealed_late"] += int(late)
    return counts


def _figure(count: int, late: int, url: str) -> Figure:
    if late:
        value = _("%(count)s (%(late)s overdue)") % {"count": count, "late": late}
    else:
        value = count
    return Figure(value, flagged=late > 0, url=url, sort=late * 1000 + count)


def open_concerns(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    counts = _counts(projects, today)
    address = slug_url("concerns:list")
    return {
        p.pk: _figure(counts[p.pk]["open"], counts[p.pk]["open_late"], address(p.slug))
        for p in projects
    }


def sealed_concerns(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    counts = _counts(projects, today)
    inbox = reverse("concerns:inbox")
    return {
        p.pk: _figure(
            counts[p.pk]["sealed"], counts[p.pk]["sealed_late"], f"{inbox}?project={p.slug}"
        )
        for p in projects
    }


def site_reviewer_inbox(user: Any) -> str | None:
    """The menu link for the site's own independent reviewers (no query: a setting)."""
    from workings.concerns.permissions import concern_policy

    return reverse("concerns:inbox") if concern_policy.is_site_reviewer(user) else None


def register() -> None:
    from workings.core.nav import register_site_link

    register_site_link(gettext_lazy("Concerns for you"), site_reviewer_inbox, 20)
    register_portfolio_column(
        Column("open_concerns", gettext_lazy("Open concerns"), open_concerns, order=30)
    )
    register_portfolio_column(
        Column("sealed_concerns", gettext_lazy("Sealed concerns"), sealed_concerns, order=40)
    )
