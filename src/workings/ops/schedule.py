"""Periodic jobs, run by the workers with no duplicate runs across workers.

Each job has a JobLease row. A worker runs a job only after winning its row with one
conditional UPDATE (due, and not held by a live lease); the database decides the winner,
so any number of workers on any number of machines run each job once per interval. A
worker that dies mid-job holds the lease until it expires (Job.lease), then another runs it.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from workings.ops.mail import deliver_waiting
from workings.ops.models import JobLease

LEASE = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class Job:
    name: str
    every: dt.timedelta
    run: Callable[[], object]
    # How long a worker that died mid-run keeps others from running the job.
    lease: dt.timedelta = LEASE


def _send_reminders() -> None:
    call_command("send-reminders", verbosity=0)


def _expire_data_downloads() -> None:
    from workings.accounts.export_services import data_exports_expire

    data_exports_expire()


JOBS = [
    # Reminders, digests and the day's sealed entries: the command sends each only once.
    Job("send-reminders", dt.timedelta(minutes=5), _send_reminders),
    # A safety net for e-mails whose delivery task was lost (each is also a task).
    Job(
        "deliver-mail", dt.timedelta(seconds=settings.WORKINGS_MAIL_SWEEP_SECONDS), deliver_waiting
    ),
    # People's data downloads past their time: the files are deleted.
    Job("expire-data-downloads", dt.timedelta(minutes=30), _expire_data_downloads),
]


def holder_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


def _ensure(job: Job) -> None:
    if not JobLease.objects.filter(name=job.name).exists():
        try:
            with transaction.atomic():
                JobLease.objects.create(name=job.name, next_run_at=timezone.now())
        except IntegrityError:
            pass  # another worker made it first


def try_run(job: Job, *, holder: str) -> bool:
    """Run the job if it is due and this worker wins its lease. True when it ran."""
    _ensure(job)
    now = timezone.now()
    won = (
        JobLease.objects.filter(name=job.name, next_run_at__lte=now)
        .filter(Q(held_until__isnull=True) | Q(held_until__lt=now))
        .update(held_until=now + job.lease, holder=holder, last_started_at=now, runs=F("runs") + 1)
    )
    if not won:
        return False
    error = ""
    try:
        job.run()
    except Exception as exc:  # noqa: BLE001 - kept on the row; the next interval retries
        error = f"{type(exc).__name__}: {exc}"[:300]
    finished = timezone.now()
    JobLease.objects.filter(name=job.name, holder=holder).update(
        held_until=None,
        next_run_at=now + job.every,
        last_finished_at=finished,
        last_error=error,
    )
    return True


def run_due_jobs(*, holder: str, jobs: list[Job] | None = None) -> list[str]:
    """Run every job that is due and free; returns the names this worker ran."""
    return [job.name for job in (JOBS if jobs is None else jobs) if try_run(job, holder=holder)]
