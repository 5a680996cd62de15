"""Every app's snapshot contract (docs/decisions/snapshot-contract.md): each recorded model
writes its declared snapshot, which reads back strictly to the same bytes, and every declared
class round-trips whatever its fields hold. One test for all apps, so a new app is covered
the moment it declares a recorded model."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.snapshot_contract import check_app, snapshots_strategy
from workings.events.audit import recorded_models
from workings.events.snapshots import Snapshot, snapshot_types

APPS = sorted({model._meta.app_label for model in recorded_models()})
KINDS = sorted(snapshot_types().values(), key=lambda kind: kind.model)


def test_every_app_with_recorded_models_is_checked() -> None:
    # The apps that keep their rows in the log today; a new one joins APPS by itself.
    assert {"agreements", "concerns", "documents", "funders", "money", "projects"} <= set(APPS)
    assert {"record", "reports"} <= set(APPS)


@pytest.mark.django_db
def test_every_recorded_model_writes_its_declared_snapshot() -> None:
    from workings.core.demo import build_demo

    build_demo()
    checked = {app: check_app(app) for app in APPS}
    assert all(checked.values()), checked


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.model)
@settings(deadline=None)
@given(data=st.data())
def test_read_gives_back_what_fields_wrote(kind: type[Snapshot], data: Any) -> None:
    snap = data.draw(snapshots_strategy(kind))
    assert kind.read(snap.fields(), strict=True) == snap
