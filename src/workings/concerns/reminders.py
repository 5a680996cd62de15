"""Concern deadline reminders: "due in 2 days" and "overdue" notices for each open concern's
current stage, to whoever must act on it, and to the raiser once they may move it on. Sent
once each (deduplicated by key). Registered with `workings send-reminders` from apps.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.concerns import notices
from workings.concerns.models import Concern, Status

DUE_SOON_DAYS = 2


def concern_reminders(today: dt.date, notify: Any) -> dict[str, int]:
    counts = {"due_soon": 0, "overdue": 0}
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
    return counts
