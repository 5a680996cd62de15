"""`workings send-reminders`: every app's deadline reminders, then the daily digests.

Each app with deadlines registers its own reminder provider (core/notify.py) from its
AppConfig.ready() (concerns: a concern stage due soon or overdue; record: feedback still
waiting for its answer; money: a payment later than the agreement promised), so this app
does not import the apps below it. Each reminder is sent
once (deduplicated by key): safe to run every few minutes."""

from __future__ import annotations

from workings.core import clock
from workings.core.notify import reminder_providers
from workings.notifications.services import digests_send, notify


def reminders_send() -> dict[str, int]:
    today = clock.today()
    counts = {"due_soon": 0, "overdue": 0, "feedback_overdue": 0}
    for provider in reminder_providers():
        for name, sent in provider(today, notify).items():
            counts[name] = counts.get(name, 0) + sent
    counts["digests"] = digests_send()
    return counts
