"""Helpers for the log tests: append plain events to a project's log."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from workings.events.services import append_event


def add_events(project: Any, actor: Any, n: int, **extra: Any) -> list[Any]:
    out = []
    for i in range(n):
        with transaction.atomic():
            out.append(
                append_event(
                    project=project,
                    type="project.updated",
                    actor=actor,
                    content={"n": i, "note": f"event {i}"},
                    **extra,
                )
            )
    return out
