"""Escalations and new sealed concerns reach the appointed reviewers, and only while they
are appointed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.concerns.helpers import raise_confidential, raise_open
from workings.funders import services
from workings.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_reviewers_hear_while_appointed(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    reviewer = world.users["funder"]
    with django_capture_on_commit_callbacks(execute=True):
        raise_confidential(world)
        raise_open(world)
    assert Notification.objects.filter(user=reviewer).count() == 2
    fund = world.extra["funder_organisation"]
    services.appointment_end(
        actor=world.extra["funder_admin"],
        organisation=fund,
        appointment_id=fund.appointments.get(user=reviewer).pk,
    )
    with django_capture_on_commit_callbacks(execute=True):
        raise_confidential(world, subject="Another one")
    assert Notification.objects.filter(user=reviewer).count() == 2
