"""Helpers for verification tests: a world with more contributors, one of whom has left,
and a request ready to answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.factories import add_member, make_user
from workings.core import clock
from workings.projects import services as project_services
from workings.projects.roles import Role
from workings.verification import services

TEXT = (
    "Contributors chose the main outcome. They were paid for every meeting. "
    "They co-wrote the plain-English summary."
)


def later(days: int = 14) -> dt.date:
    return clock.today() + dt.timedelta(days=days)


def contributors(world: Any) -> list[Any]:
    """The world's contributor, three more, and a fifth who has left (world.extra["former"])."""
    if "asked" in world.extra:
        return world.extra["asked"]
    lead = world.users["lead"]
    people = [world.users["contributor"]]
    for i in range(4):
        user = make_user(f"helper{i}@example.org", f"Helper {i}")
        add_member(world.project, lead, user, Role.CONTRIBUTOR)
        people.append(user)
    former = people[-1]
    project_services.membership_leave(actor=former, project=world.project, reason="", credit="name")
    world.extra["former"] = former
    world.extra["asked"] = people
    return people


def draft(world: Any, text: str = TEXT) -> Any:
    return services.request_create(
        actor=world.users["funder"],
        project=world.project,
        title="Checking the annex",
        deadline=later(),
        source="annex",
        text=text,
    )


def sent(world: Any) -> tuple[Any, dict[int, str]]:
    contributors(world)
    return services.request_send(actor=world.users["funder"], request=draft(world))


def answers(request: Any, *choices: str, comment: str = "", in_annex: bool = False) -> dict:
    claims = list(request.claims.filter(removed=False).order_by("number"))
    picked = list(choices) + ["confirm"] * (len(claims) - len(choices))
    return {
        str(c.pk): {"choice": ch, "comment": comment, "in_annex": in_annex}
        for c, ch in zip(claims, picked, strict=True)
    }
