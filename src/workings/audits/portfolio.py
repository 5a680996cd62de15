"""The funder's portfolio column of audits: the last audit's result (signed on a day, or
open), flagged when the next scheduled audit is overdue. Three queries for all projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workings.audits.models import Audit, AuditStatus
from workings.audits.schedule import interval_months_for, next_due
from workings.core.portfolio import Column, Figure, slug_url


def last_audits(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    ids = [p.pk for p in projects]
    latest: dict[int, Any] = {}
    opened: dict[int, dt.date] = {}  # the last day an audit was opened, as Max("opened_on")
    for audit in Audit.objects.filter(project_id__in=ids).order_by("project_id", "-number"):
        latest.setdefault(audit.project_id, audit)
        if audit.opened_on > opened.get(audit.project_id, dt.date.min):
            opened[audit.project_id] = audit.opened_on
    out = {}
    address = slug_url("audits:list")
    intervals = interval_months_for(projects)
    none_yet, still_open = _("None yet"), _("Open")
    for project in projects:
        audit = latest.get(project.pk)
        overdue = next_due(project, opened.get(project.pk), intervals[project.pk]) < today
        if audit is None:
            value = none_yet
        elif audit.status == AuditStatus.SIGNED and audit.signed_on:
            value = _("Signed %(day)s") % {"day": date_format(audit.signed_on, "j M Y")}
        else:
            value = still_open
        out[project.pk] = Figure(
            value=value,
            flagged=overdue,
            url=address(project.slug),
            sort=1.0 if overdue else 0.0,
        )
    return out


LAST_AUDIT = Column(
    key="last_audit", label=gettext_lazy("Last audit"), compute=last_audits, order=65
)
