"""`workings append-sealed`: append the sealed entries of every day that is over. Run it
daily after midnight UTC, or every few minutes (cron or a systemd timer): it appends each
sealed entry once, and never before its day has ended."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Append sealed entries waiting for their day's batch (docs/decisions/sealed-entries.md)."

    def handle(self, *args: Any, **options: Any) -> None:
        from workings.events.services import sealed_batch_append

        done = sealed_batch_append()
        self.stdout.write(f"Sealed entries appended: {done}.")
