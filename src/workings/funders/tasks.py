"""Background work of funder organisations: witnessing (django-tasks; `workings worker`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task


@task()
def cosign_checkpoints() -> dict[str, int]:
    from workings.funders.witnessing import witness_all

    return witness_all()


def witness_reminders(today: dt.date, notify: Any) -> dict[str, int]:
    """Run from `workings send-reminders`: queue a witnessing run for the worker."""
    cosign_checkpoints.enqueue()
    return {"witness_runs_queued": 1}
