"""`workings worker`: the background worker. Run one or more on any machine (systemd units
in deploy/). Each round it runs the periodic jobs that are due (one worker wins each, see
workings/ops/schedule.py), then every waiting task (PDFs, e-mail) through django-tasks'
database queue. It keeps going through a database restart."""

from __future__ import annotations

import signal
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections, connections

from workings.ops.schedule import holder_name, run_due_jobs


class Command(BaseCommand):
    help = (
        "Run a background worker: periodic jobs (reminders, e-mail) and waiting tasks "
        "(PDFs, e-mail) from the database queue. Safe to run on several machines at once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Run one round, then exit.")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="Seconds to wait between rounds."
        )
        parser.add_argument(
            "--no-periodic", action="store_true", help="Run tasks only, no periodic jobs."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stopping = False
        holder = holder_name()

        def stop(signum: int, frame: Any) -> None:
            self.stopping = True

        while not self.stopping:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
            try:
                close_old_connections()
                if not options["no_periodic"]:
                    ran = run_due_jobs(holder=holder)
                    if ran and options["verbosity"] > 1:
                        self.stdout.write(f"Ran: {', '.join(ran)}.")
                call_command(
                    "db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
                )
            except DatabaseError as error:
                # The database went away (a restart, a fail-over): drop the connections
                # and try again next round. Nothing half-done is kept: each write is one
                # transaction and each claim expires.
                self.stderr.write(f"Database unavailable, retrying: {error}")
                for conn in connections.all():
                    conn.close_if_unusable_or_obsolete()
                    conn.close()
            if options["batch"]:
                return
            time.sleep(options["interval"])
