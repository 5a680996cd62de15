"""Shared set-up for the concerns tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.concerns import services

DAY0 = dt.datetime(2026, 3, 2, 10, 30, tzinfo=dt.UTC)


def concern_data(**extra: Any) -> dict[str, Any]:
    data = {
        "subject": "Our payments are late",
        "what_happened": "Three payments were over a month late.",
        "outcome_wanted": "Pay within 30 days, as the agreement says.",
    }
    data.update(extra)
    return data


def raise_open(world: Any, role: str = "contributor", **extra: Any) -> Any:
    return services.concern_raise(
        actor=world.users[role], project=world.project, mode="open", **concern_data(**extra)
    )


def raise_confidential(world: Any, role: str = "contributor", **extra: Any) -> Any:
    return services.concern_raise(
        actor=world.users[role], project=world.project, mode="confidential", **concern_data(**extra)
    )


def raise_anonymous(world: Any, **extra: Any) -> tuple[Any, str]:
    return services.concern_raise_anonymous(project=world.project, **concern_data(**extra))
