"""Who must act on a concern is decided once (ConcernPolicy.must_act, with the handler roles
in concerns/permissions.py); the reminders' list of handlers names the same people."""

from __future__ import annotations

from typing import Any

import pytest

from tests.concerns.helpers import raise_open
from workings.concerns import notices
from workings.concerns.permissions import concern_policy


@pytest.mark.parametrize("handler_role", ["lead", "team", "funder", "independent"])
def test_handlers_are_exactly_the_people_who_must_act(world: Any, handler_role: str) -> None:
    concern = raise_open(world)
    concern.handler_role = handler_role
    listed = notices.handlers(concern)
    for role, user in world.users.items():
        if user is None:  # the anonymous visitor
            continue
        assert concern_policy.must_act(user, concern) is (user.pk in listed), (handler_role, role)
    assert listed, handler_role
