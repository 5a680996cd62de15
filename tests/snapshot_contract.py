"""Shared checks of the snapshot contract (docs/decisions/snapshot-contract.md), run for
every app's recorded models by tests/test_snapshot_contracts.py."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

from hypothesis import strategies as st

from workings.events.snapshots import Snapshot, snapshot_type

JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _strategy(hint: Any) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return JSON
    if origin is dict:
        return st.dictionaries(st.text(max_size=8), JSON, max_size=3)
    if origin is list:
        return st.lists(_strategy(args[0]), max_size=3)
    if args and type(None) in args:  # X | None
        return st.none() | _strategy(next(a for a in args if a is not type(None)))
    return st.from_type(hint)


def snapshots_strategy(kind: type[Snapshot]) -> st.SearchStrategy[Snapshot]:
    """Any instance of a snapshot class, every field filled from its declared type."""
    hints = typing.get_type_hints(kind)
    fields = dataclasses.fields(kind)  # type: ignore[arg-type]
    return st.builds(kind, **{f.name: _strategy(hints[f.name]) for f in fields})


def recorded_models(app_label: str) -> list[Any]:
    from workings.events.audit import recorded_models as every

    return [m for m in every() if m._meta.app_label == app_label]


def check_app(app_label: str) -> int:
    """Every recorded model of the app has a declared snapshot whose keys are, in order,
    its snapshot() keys, and whose reader takes each real (version 1) snapshot strictly and
    gives back the same bytes. Needs a database holding rows of every model (the demo).
    Returns the number of rows checked."""
    checked = 0
    models = recorded_models(app_label)
    assert models, app_label
    for model in models:
        kind = snapshot_type(model._meta.label_lower)
        assert kind is not None, f"{model._meta.label_lower} has no snapshot class"
        assert kind.__module__ == f"workings.{app_label}.snapshots", kind.__module__
        rows = list(model.objects.all())
        assert rows, f"the demo has no {model._meta.label_lower} to check against"
        for row in rows:
            written = row.snapshot()
            assert list(written) == list(kind.keys()), model
            assert "_v" not in written  # version 1 carries no version key
            assert kind.read(written, strict=True).fields() == written
            checked += 1
    return checked
