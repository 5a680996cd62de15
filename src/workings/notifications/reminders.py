"""Deadline reminders: "due in 2 days" and "overdue" notices for each open concern's
current stage, "overdue" notices for feedback still waiting for its answer (to the leads and
the person who gave it), once each (deduplicated by key), then the daily digests. Safe to run
every few minutes: a second run finds nothing new to send."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.core import clock

DUE_SOON_DAYS = 2


def reminders_send() -> dict[str, int]:
    from workings.concerns import notices
    from workings.concerns.models import Concern, Status
    from workings.notifications.services import digests_send, notify

    today = clock.today()
    counts = {"due_soon": 0, "overdue": 0, "digests": 0}
    concerns = Concern.objects.filter(status=Status.AWAITING).select_related("project")
    for concern in concerns.iterator():
        due = concern.stage_due_on
        stage_key = f"concern:{concern.pk}:stage:{concern.stage_index}"
        coarse = concern.mode == "anonymous"
        handlers = notices.handlers(concern)
        link = notices.url(concern)
        if today <= due <= today + dt.timedelta(days=DUE_SOON_DAYS):
            made = notify(
                user_ids=handlers,
                project=concern.project,
                kind="concern.due_soon",
                title=f"Due by {due:%d %B}: a response to {notices.label(concern)}",
                url=link,
                due_on=due,
                due_to_me=True,
                key=f"{stage_key}:due-soon",
                coarse_time=coarse,
            )
            counts["due_soon"] += len(made)
        elif today > due:
            made = notify(
                user_ids=handlers,
                project=concern.project,
                kind="concern.overdue",
                title=f"Overdue since {due:%d %B}: a response to {notices.label(concern)}",
                url=link,
                due_on=due,
                due_to_me=True,
                key=f"{stage_key}:overdue",
                coarse_time=coarse,
            )
            if concern.raised_by_id and concern.has_next_stage:
                made += notify(
                    user_ids={concern.raised_by_id},
                    project=concern.project,
                    kind="concern.overdue",
                    title=f"No response in time: you can now move {notices.label(concern)} on",
                    url=link,
                    due_to_me=True,
                    key=f"{stage_key}:overdue-raiser",
                )
            counts["overdue"] += len(made)
    counts["feedback_overdue"] = _overdue_feedback(today, notify)
    counts["payments_late"] = _late_payments(today, notify)
    counts["digests"] = digests_send()
    return counts


def _overdue_feedback(today: dt.date, notify: Any) -> int:
    """Feedback past its answer date: the leads must answer, and the person who gave it
    should know it is late (and that they can raise a concern about it)."""
    from workings.projects.models import Membership
    from workings.projects.roles import Role
    from workings.record.models.items import Item, Kind

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
            key=f"feedback:{item.pk}:overdue",
        )
        sent += len(made)
    return sent


def _late_payments(today: dt.date, notify: Any) -> int:
    """A payment later than the agreement promised: the person, the leads and the funder's
    reviewers are told (once each; the money app records the lateness in the log)."""
    from workings.money.reminders import late_payments

    sent = 0
    for late in late_payments(today):
        made = notify(
            user_ids=late.user_ids,
            project=late.project,
            kind="money.payment_late",
            title=late.title,
            url=late.url,
            due_on=late.due_on,
            key=late.key,
        )
        sent += len(made)
    return sent
