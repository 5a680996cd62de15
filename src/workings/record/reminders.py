"""Feedback reminders for `workings send-reminders` (registered from apps.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.projects.models import Membership
from workings.projects.roles import Role
from workings.record.models.items import Item, Kind


def feedback_reminders(today: dt.date, notify: Any) -> dict[str, int]:
    """Feedback past its answer date: the leads must answer, and the person who gave it
    should know it is late (and that they can raise a concern about it)."""
    overdue = Item.objects.filter(
        kind=Kind.FEEDBACK, is_open=True, due_on__lt=today
    ).select_related("project")
    leads: dict[int, set[int]] = {}
    sent = 0
    for item in overdue.iterator():
        if item.project_id not in leads:
            leads[item.project_id] = set(
                Membership.objects.filter(
                    project_id=item.project_id, role=Role.LEAD, left_at__isnull=True
                ).values_list("user_id", flat=True)
            )
        made = notify(
            user_ids=leads[item.project_id] | {item.author_id},
            project=item.project,
            kind="feedback.overdue",
            title=f"Overdue since {item.due_on:%d %B}: an answer to the feedback “{item.title}”",
            url=item.get_absolute_url(),
            due_on=item.due_on,
            due_to_me=True,
            key=f"feedback:{item.pk}:overdue:{item.due_on.isoformat()}",
        )
        sent += len(made)
    return {"feedback_overdue": sent}
