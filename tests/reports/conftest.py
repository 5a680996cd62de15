"""A small project with something in every foundation section, plus a confidential marker
that must never reach a team or public annex."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

MARKER = "ZEBRA-CONFIDENTIAL-7731"
RAISER = "Quentin Confidential-Raiser"


@pytest.fixture
def rworld(world: Any) -> Any:
    from tests.factories import add_member, make_user
    from workings.events.services import append_event, entry_erase
    from workings.projects import services as ps

    lead = world.users["lead"]
    leaver = make_user("leaver@example.org", "Lee Leaver")
    add_member(world.project, lead, leaver, "contributor")
    ps.membership_leave(
        actor=leaver,
        project=world.project,
        reason="Too many evening meetings.",
        credit="name",
        reason_public=True,
    )
    anon = make_user("anon.member@example.org", "Secret Name")
    add_member(world.project, lead, anon, "contributor", credit="anonymous")
    with transaction.atomic():
        append_event(
            project=world.project,
            type="project.updated",
            actor=world.users["contributor"],
            content={"concern": MARKER, "raiser": RAISER},
            sealed=True,
        )
    with transaction.atomic():
        doomed = append_event(
            project=world.project,
            type="project.updated",
            actor=lead,
            content={"note": "a phone number that should not be here"},
        )
    entry_erase(actor=lead, project=world.project, seq=doomed.seq, reason="Personal data")
    world.extra["leaver"] = leaver
    world.extra["anon"] = anon
    return world
