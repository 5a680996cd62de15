"""Periodic jobs: two workers never run one job twice in its interval."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from workings.ops import schedule
from workings.ops.models import JobLease

pytestmark = pytest.mark.django_db


def _job(calls: list[str]) -> schedule.Job:
    return schedule.Job("test-job", dt.timedelta(minutes=5), lambda: calls.append("ran"))


def test_one_run_per_interval_across_workers() -> None:
    calls: list[str] = []
    job = _job(calls)
    assert schedule.run_due_jobs(holder="a", jobs=[job]) == ["test-job"]
    assert schedule.run_due_jobs(holder="b", jobs=[job]) == []
    assert schedule.run_due_jobs(holder="a", jobs=[job]) == []
    assert calls == ["ran"]
    lease = JobLease.objects.get(name="test-job")
    assert lease.held_until is None and lease.runs == 1 and lease.holder == "a"
    assert lease.next_run_at > timezone.now() + dt.timedelta(minutes=4)
    JobLease.objects.update(next_run_at=timezone.now())
    assert schedule.run_due_jobs(holder="b", jobs=[job]) == ["test-job"]
    assert calls == ["ran", "ran"]


def test_a_job_held_by_a_live_worker_is_not_run_again() -> None:
    calls: list[str] = []
    job = _job(calls)
    JobLease.objects.create(
        name="test-job", next_run_at=timezone.now(), held_until=timezone.now() + schedule.LEASE
    )
    assert schedule.run_due_jobs(holder="b", jobs=[job]) == []
    # The holder died: once its lease is over, another worker runs the job.
    JobLease.objects.update(held_until=timezone.now() - dt.timedelta(seconds=1))
    assert schedule.run_due_jobs(holder="b", jobs=[job]) == ["test-job"]
    assert calls == ["ran"]


def test_a_failing_job_is_recorded_and_released() -> None:
    def boom() -> None:
        raise RuntimeError("reminders broke")

    job = schedule.Job("test-job", dt.timedelta(minutes=5), boom)
    assert schedule.run_due_jobs(holder="a", jobs=[job]) == ["test-job"]
    lease = JobLease.objects.get()
    assert lease.held_until is None and "reminders broke" in lease.last_error


def test_the_real_jobs_run_once(monkeypatch: Any) -> None:
    ran = schedule.run_due_jobs(holder="a")
    assert ran == ["send-reminders", "deliver-mail", "expire-data-downloads"]
    assert schedule.run_due_jobs(holder="b") == []
    assert all(not lease.last_error for lease in JobLease.objects.all())
