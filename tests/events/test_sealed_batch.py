"""Sealed entries wait for a daily batch, so neither the public nor the team can date one
below its day from its neighbours, the checkpoints, the entry ids or the Record page."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command

from tests.events.helpers import add_events
from workings.concerns import services as concern_services
from workings.core.clock import frozen_at
from workings.events.audit import verify_project
from workings.events.models import Checkpoint, Entry, Log, SealedPending
from workings.events.services import sealed_batch_append

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)


def _at(hour: int, minute: int) -> Any:
    return frozen_at(dt.datetime(2026, 3, 10, hour, minute, tzinfo=dt.UTC))


@pytest.fixture
def batched(settings: Any) -> None:
    settings.WORKINGS_SEALED_BATCH = True


def _raise_between_two_public_entries(world: Any) -> tuple[int, Any]:
    lead = world.users["lead"]
    with _at(14, 2):
        add_events(world.project, lead, 1)
    before = Log.objects.get(project=world.project).size
    with _at(14, 3):
        concern = concern_services.concern_raise(
            actor=world.users["contributor"],
            project=world.project,
            mode="confidential",
            subject="SEALED timing subject",
            what_happened="Something happened.",
            outcome_wanted="Something done.",
        )
    with _at(14, 5):
        add_events(world.project, lead, 1)
    return before, concern


def test_a_sealed_entry_waits_for_its_day_to_end(batched: None, world: Any) -> None:
    before, _ = _raise_between_two_public_entries(world)
    log = Log.objects.get(project=world.project)
    # Nothing was appended between the two public entries: they are neighbours.
    assert log.size == before + 1
    assert not Entry.objects.filter(log=log, sealed=True).exists()
    assert not Checkpoint.objects.filter(log=log, size=before + 2).exists()
    pending = SealedPending.objects.get(log=log)
    assert pending.day == DAY
    # The rows still verify while their sealed entry waits.
    assert verify_project(world.project).ok, verify_project(world.project).summary()
    # The batch never runs a day before it is over.
    with _at(23, 59):
        assert sealed_batch_append() == 0
    assert sealed_batch_append(today=DAY + dt.timedelta(days=1)) == 1
    assert not SealedPending.objects.exists()


def test_the_batch_dates_a_sealed_entry_to_its_day_only(batched: None, world: Any) -> None:
    before, concern = _raise_between_two_public_entries(world)
    with frozen_at(dt.datetime(2026, 3, 11, 0, 7, tzinfo=dt.UTC)):
        call_command("append-sealed", stdout=io.StringIO())
    log = Log.objects.get(project=world.project)
    sealed = Entry.objects.get(log=log, sealed=True)
    # It comes after everything of its day, with a day-only time and checkpoint.
    assert sealed.seq == before + 1
    midnight = dt.datetime(2026, 3, 10, tzinfo=dt.UTC)
    assert sealed.recorded_at == midnight
    assert Checkpoint.objects.get(log=log, size=sealed.seq + 1).created_at == midnight
    assert b'"time":"2026-03-10"' in bytes(sealed.leaf)
    concern.refresh_from_db()
    assert concern.last_event_seq == sealed.seq
    check = verify_project(world.project)
    assert check.ok, check.summary()


def test_the_record_page_shows_no_sealed_entry_before_the_batch(
    batched: None, world: Any, client_for: Any
) -> None:
    _raise_between_two_public_entries(world)
    for who in ("lead", "observer", "funder", "contributor"):
        page = client_for(world.users[who]).get(f"/projects/{world.project.slug}/record/")
        assert "sealed entry" not in page.content.decode()
    sealed_batch_append(today=DAY + dt.timedelta(days=1))
    page = client_for(world.users["observer"]).get(f"/projects/{world.project.slug}/record/")
    html = page.content.decode()
    assert "A private entry (confidential) was made on 10 March 2026." in html
    assert "SEALED timing subject" not in html
