"""Who hears that an audit is open (to give their self-assessment), and the daily run that
opens scheduled audits when they fall due (a reminder provider: core/notify.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext as _

from workings.core.notify import notify
from workings.plans.notices import told


def opened(audit: Any, send: Any = notify) -> int:
    made = send(
        user_ids=told(audit.project) | _researchers(audit.project),
        project=audit.project,
        kind="audits.audit_opened",
        title=_("Audit %(n)s is open: give your own view of how involvement is going")
        % {"n": audit.number},
        url=audit.get_absolute_url(),
        key=f"audit:{audit.pk}:opened",
    )
    return len(made)


def _researchers(project: Any) -> set[int]:
    from workings.projects.models import Membership

    return set(
        Membership.objects.filter(
            project=project, role="researcher", left_at__isnull=True
        ).values_list("user_id", flat=True)
    )


def scheduled_audits(today: dt.date, send: Any) -> dict[str, int]:
    """Open each project's scheduled audit on the day it falls due (none while one is open,
    none for a project with no record yet)."""
    from workings.audits.models import Audit, AuditKind, AuditStatus
    from workings.audits.schedule import next_due
    from workings.audits.services import audit_open
    from workings.projects.models import Project
    from workings.record.models import Item

    busy = set(Audit.objects.filter(status=AuditStatus.OPEN).values_list("project_id", flat=True))
    last = dict(
        Audit.objects.values("project_id")
        .annotate(d=Max("opened_on"))
        .values_list("project_id", "d")
    )
    with_record = set(Item.objects.values_list("project_id", flat=True).distinct())
    opened_now = 0
    for project in Project.objects.filter(pk__in=with_record).exclude(pk__in=busy).order_by("id"):
        if next_due(project, last.get(project.pk)) <= today:
            audit_open(actor=None, project=project, kind=AuditKind.SCHEDULED)
            opened_now += 1
    return {"audits_opened": opened_now}
