"""Concerns' columns on a funder's portfolio (core/portfolio.py): concerns not yet closed,
and how many of them are sealed (confidential or anonymous), as counts only, with those
past their stage's response date flagged. Never a subject, a word of the text, or who
raised it. One query per column for all projects."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from django.db.models import Count, TextField
from django.db.models.functions import Cast
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


ALIKE = ("project_id", "mode", "status", "stages_text", "stage_index", "stage_started_on")


def _counts(projects: Sequence[Any], today: dt.date) -> dict[int, dict[str, int]]:
    counts = {p.pk: {"open": 0, "open_late": 0, "sealed": 0, "sealed_late": 0} for p in projects}
    # Concerns alike in all that decides lateness come as one row with their number: a
    # project's concerns mostly share their procedure's stages, so this reads and decodes a
    # few rows per project rather than every concern (docs/decisions/portfolio-speed.md).
    rows = (
        Concern.objects.filter(project_id__in=list(counts))
        .exclude(status=Status.CLOSED)
        .annotate(stages_text=Cast("stages", TextField()))
        .order_by()
        .values(*ALIKE)
        .annotate(n=Count("id"))
        .values_list(*ALIKE, "n")
    )
    decoded: dict[str, Any] = {}
    for project_id, mode, status, text, index, started, n in rows:
        if text not in decoded:
            decoded[text] = json.loads(text) if text else None
        late = n if is_overdue(status, decoded[text], index, started, today) else 0
        counts[project_id]["open"] += n
        counts[project_id]["open_late"] += late
        if mode in SEALED_MODES:
            counts[project_id]["sealed"] += n
            counts[project_id]["sealed_late"] += late
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
        Column("sealed_concerns", gettext_lazy("Private concerns"), sealed_concerns, order=40)
    )
