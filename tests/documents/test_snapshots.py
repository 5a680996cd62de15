"""The documents app's snapshot contract (docs/decisions/snapshot-contract.md): each recorded
model writes its declared snapshot, which reads back to the same bytes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.snapshot_contract import check_app, snapshots_strategy
from workings.events.snapshots import Snapshot
from workings.documents import snapshots

KINDS = [
    v
    for v in vars(snapshots).values()
    if isinstance(v, type) and issubclass(v, Snapshot) and v.__module__ == snapshots.__name__
]


@pytest.mark.django_db
def test_every_recorded_model_writes_its_declared_snapshot() -> None:
    from workings.core.demo import build_demo

    build_demo()
    assert check_app("documents") > 0


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.model)
@settings(deadline=None)
@given(data=st.data())
def test_read_gives_back_what_fields_wrote(kind: type[Snapshot], data: Any) -> None:
    snap = data.draw(snapshots_strategy(kind))
    assert kind.read(snap.fields(), strict=True) == snap
