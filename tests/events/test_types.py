"""Every event type declares who may read its content, where it is registered."""

from __future__ import annotations

import pytest

from workings.events import types
from workings.events.types import Audience


def test_every_registered_type_declares_an_audience() -> None:
    registered = types.all_types()
    assert len(registered) > 30  # every app's snapshots.py was loaded
    for event_type in registered:
        assert isinstance(event_type.audience, Audience), event_type.name


def test_invitations_are_for_members_and_the_sealed_type_is_sealed() -> None:
    assert types.get("member.invited").audience == Audience.MEMBERS
    assert types.get("invitation.declined").audience == Audience.MEMBERS
    assert types.get("sealed").audience == Audience.SEALED
    assert "reason" in types.get("member.left").personal


def test_a_type_without_an_audience_is_refused() -> None:
    with pytest.raises(ValueError, match="audience"):
        types.register(998, "test.no_audience", "No audience", "public")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        types.register(997, "test.missing")  # type: ignore[call-arg]


def test_a_sealed_entry_is_sealed_whatever_its_type() -> None:
    assert types.audience_of("record.feedback_given", sealed=True) == Audience.SEALED
    assert types.audience_of("record.feedback_given", sealed=False) == Audience.PUBLIC
    assert types.audience_of("no.such.type", sealed=False) == Audience.MEMBERS
