"""The feedback due date comes from the agreement in force; a broken agreement payload must
raise rather than write a default due date into a log that cannot be corrected."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.agreements.helpers import in_force
from tests.record.helpers import feedback, yesterday
from workings.agreements.models import AgreementVersion
from workings.record.models import Item


def _set_communication(version: AgreementVersion, communication: Any) -> None:
    content = dict(version.content)
    content["communication"] = communication
    AgreementVersion.objects.filter(pk=version.pk).update(content=content)


def test_the_due_date_follows_the_agreement_in_force(world: Any) -> None:
    _set_communication(in_force(world), {"feedback_response_days": 21})
    item = feedback(world, occurred_on=yesterday())
    assert item.due_on == yesterday() + dt.timedelta(days=21)


def test_a_version_without_the_setting_gives_the_default(world: Any) -> None:
    _set_communication(in_force(world), {})
    item = feedback(world, occurred_on=yesterday())
    assert item.due_on == yesterday() + dt.timedelta(days=14)


@pytest.mark.parametrize("broken", ["soon", 0, None, True, 3.5])
def test_a_broken_agreement_payload_raises_and_writes_nothing(world: Any, broken: Any) -> None:
    _set_communication(in_force(world), {"feedback_response_days": broken})
    before = Item.objects.count()
    with pytest.raises(ValueError, match="feedback_response_days"):
        feedback(world, occurred_on=yesterday())
    assert Item.objects.count() == before
