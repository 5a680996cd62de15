"""A witness's cosignature is part of the log's history: the database itself refuses UPDATE
and DELETE of a kept cosignature, on SQLite and PostgreSQL alike (run the file with
DATABASE_URL set for the second)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, transaction

from tests.events.tamper import TABLES, drop_triggers, sql
from workings.events.models import Cosignature
from workings.funders.witness_keys import witness_key_init
from workings.funders.witnessing import witness_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def cosigned(world: Any, settings: Any, tmp_path: Any) -> Cosignature:
    settings.WORKINGS_WITNESS_KEY_DIR = str(tmp_path / "witnesses")
    witness_key_init(organisation=world.extra["funder_organisation"])
    assert witness_all() == {"cosigned": 1}
    return Cosignature.objects.get()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE events_cosignature SET line = 'forged'",
        "UPDATE events_cosignature SET witness_key = 'someone else'",
        "DELETE FROM events_cosignature",
    ],
)
def test_raw_update_and_delete_of_a_cosignature_are_refused(
    cosigned: Cosignature, statement: str
) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        sql(statement)
    kept = Cosignature.objects.get()
    assert (kept.line, kept.witness_key) == (cosigned.line, cosigned.witness_key)


def test_the_orm_cannot_delete_one_either(cosigned: Cosignature) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Cosignature.objects.all().delete()
    assert Cosignature.objects.count() == 1


def test_the_tamper_helpers_can_still_drop_the_guard(cosigned: Cosignature) -> None:
    assert "events_cosignature" in TABLES
    drop_triggers()
    sql("DELETE FROM events_cosignature")
    assert not Cosignature.objects.exists()
