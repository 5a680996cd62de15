"""Small builders for record tests (through the services, so every row has its event)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.core import clock
from workings.record import services

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"


def yesterday() -> dt.date:
    return clock.today() - dt.timedelta(days=1)


def meeting(world: Any, **over: Any) -> Any:
    data: dict[str, Any] = {
        "occurred_on": yesterday(),
        "activity": "meeting",
        "title": "Steering group",
        "summary": "We talked about recruitment.",
        "hours": "2",
        "participants": [world.memberships["contributor"].pk, world.memberships["lead"].pk],
    }
    data.update(over)
    actor = data.pop("actor", world.users["lead"])
    return services.meeting_record(actor=actor, project=world.project, **data)


def feedback(world: Any, **over: Any) -> Any:
    data: dict[str, Any] = {
        "area": "primary_outcome",
        "title": "Measure what matters",
        "text": "Please measure whether people can get back to the shops.",
    }
    data.update(over)
    actor = data.pop("actor", world.users["contributor"])
    return services.feedback_give(actor=actor, project=world.project, **data)


def answer(world: Any, item: Any, **over: Any) -> Any:
    data: dict[str, Any] = {
        "outcome": "partly_adopted",
        "what_done": "Added it as a secondary outcome.",
        "why": "The funder requires a clinical primary outcome.",
    }
    data.update(over)
    actor = data.pop("actor", world.users["researcher"])
    return services.feedback_answer(actor=actor, project=world.project, item_id=item.pk, **data)


def decision(world: Any, **over: Any) -> Any:
    data: dict[str, Any] = {
        "area": "recruitment",
        "title": "Recruit through GP surgeries only",
        "text": "",
        "decided_by": "Trial management group",
        "influence": "informed",
    }
    data.update(over)
    actor = data.pop("actor", world.users["lead"])
    return services.decision_record(actor=actor, project=world.project, **data)


def disagreement(world: Any, **over: Any) -> Any:
    data: dict[str, Any] = {
        "subject": "What the primary outcome should be",
        "area": "primary_outcome",
    }
    data.update(over)
    actor = data.pop("actor", world.users["lead"])
    return services.disagreement_record(actor=actor, project=world.project, **data)


def account(world: Any, **over: Any) -> Any:
    data: dict[str, Any] = {"title": "How it felt", "text": "I felt listened to, mostly."}
    data.update(over)
    actor = data.pop("actor", world.users["contributor"])
    return services.account_write(actor=actor, project=world.project, **data)
