"""`workings send-reminders`: deadline reminders and daily digests. Run it every few minutes
(cron or a systemd timer); it only ever sends each reminder once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from workings.events.services import sealed_batch_append
from workings.notifications.reminders import reminders_send


class Command(BaseCommand):
    help = "Send concern deadline reminders (due in 2 days, overdue) and daily digests."

    def handle(self, *args: Any, **options: Any) -> None:
        # The same timer appends the sealed entries of days that are over.
        sealed = sealed_batch_append()
        if sealed:
            self.stdout.write(f"Sealed entries appended: {sealed}.")
        counts = reminders_send()
        self.stdout.write(
            f"Reminders: {counts['due_soon']} due soon, {counts['overdue']} overdue; "
            f"{counts['feedback_overdue']} about overdue feedback; "
            f"{counts['digests']} digests sent."
        )
