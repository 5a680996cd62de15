"""Small builders for plan tests (through the services, so every row has its event)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.plans import services


def milestone(world: Any, **over: Any) -> Any:
    data: dict[str, Any] = {
        "kind": "research",
        "title": "Submit the protocol for ethics approval",
        "due_on": "2026-06-30",
        "owner": world.memberships["researcher"].pk,
    }
    data.update(over)
    actor = data.pop("actor", world.users["lead"])
    return services.milestone_add(actor=actor, project=world.project, **data)


def tied_pair(world: Any) -> tuple[Any, Any]:
    research = milestone(world)
    involvement = milestone(
        world,
        kind="involvement",
        title="Contributors review the protocol",
        due_on="2026-05-31",
        owner=world.memberships["contributor"].pk,
        tied_to=research.pk,
    )
    return research, involvement


def training(world: Any, **over: Any) -> Any:
    data: dict[str, Any] = {
        "person": world.memberships["contributor"].pk,
        "kind": "training",
        "what": "Research awareness session",
        "given_on": dt.date(2026, 2, 1),
        "given_by": "The NIHR Research Design Service",
        "hours": "3",
    }
    data.update(over)
    actor = data.pop("actor", world.users["lead"])
    return services.training_log(actor=actor, project=world.project, **data)
