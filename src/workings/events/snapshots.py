"""Snapshot contracts: what a recorded row writes into a log entry, declared and versioned.

Each app declares, in its own `<app>/snapshots.py`, its event types (with their audiences)
and one `Snapshot` subclass per recorded model. A model's `snapshot()` is built from its
class, and everything that reads a snapshot back from the log (report sections, the annex,
exports, API responses) reads it through the same class, never by string keys: a renamed or
added field then changes one declaration, not every reader.

Versions (docs/decisions/snapshot-contract.md): a class starts at version 1, whose entries
carry no version key, so the entries already in every log stay byte-for-byte what they
were. A change to the fields bumps `schema_version`; `fields()` then writes `"_v": N`, and
`upgrade()` turns a dict of each older version into the next, so `read()` accepts every
snapshot the log has ever held.

Missing and unknown keys are handled explicitly:
- a missing key takes the field's default. A snapshot may lawfully lack a field: an
  audience that may not read a personal field gets the snapshot without it
  (docs/decisions/event-audiences.md). `read(..., strict=True)` refuses instead;
- an unknown key is ignored (a reader must still read the rest of an entry) unless
  `strict=True`, which refuses it. The tests read every snapshot strictly.

This module also declares the log's own event types (900-999).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from workings.events.types import Audience, register

VERSION_KEY = "_v"

_BY_MODEL: dict[str, type[Snapshot]] = {}


class SnapshotError(ValueError):
    """A snapshot dict that cannot be read as its declared type."""


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """Base of every declared snapshot. Subclasses are frozen dataclasses whose fields, in
    order, are the keys of the dict written into the entry; every field has a default (what
    a reader sees when the field is missing)."""

    model: ClassVar[str] = ""  # the recorded model's label, e.g. "record.feedback"
    schema_version: ClassVar[int] = 1

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.model:
            existing = _BY_MODEL.get(cls.model)
            if existing is not None and existing.__qualname__ != cls.__qualname__:
                raise ValueError(f"{cls.model} already has a snapshot type: {existing}")
            _BY_MODEL[cls.model] = cls

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))

    def fields(self) -> dict[str, Any]:
        """The dict committed to the log. Version 1 has no version key (see the module
        docstring); later versions start with `"_v": N`."""
        out: dict[str, Any] = {} if self.schema_version == 1 else {VERSION_KEY: self.schema_version}
        for name in self.keys():
            out[name] = getattr(self, name)
        return out

    @classmethod
    def labels(cls, field: str) -> dict[str, str]:
        """value -> plain-English label of one of the model's choice fields: the one place
        readers get labels from (never a copy of the choices)."""
        return choice_labels(cls.model, field)

    @classmethod
    def upgrade(cls, fields: dict[str, Any], from_version: int) -> dict[str, Any]:
        """Turn a dict of `from_version` into one of `from_version + 1`. A class that bumps
        its version adds a step here for each version it leaves behind."""
        raise SnapshotError(f"{cls.model}: no upgrade from version {from_version}")

    @classmethod
    def read(cls, fields: Mapping[str, Any] | None, *, strict: bool = False) -> Self:
        """A typed snapshot from a dict of any version this class has had (None or {} for
        a row this reader cannot see gives every field its default)."""
        data = dict(fields or {})
        found = data.pop(VERSION_KEY, 1)
        if not isinstance(found, int) or found < 1:
            raise SnapshotError(f"{cls.model}: bad snapshot version {found!r}")
        if found > cls.schema_version:
            raise SnapshotError(
                f"{cls.model}: snapshot version {found} is newer than this software's "
                f"({cls.schema_version}); upgrade Workings to read it"
            )
        while found < cls.schema_version:
            data = cls.upgrade(data, found)
            found += 1
        known = cls.keys()
        if strict:
            unknown = sorted(set(data) - set(known))
            missing = [k for k in known if k not in data]
            if unknown or missing:
                raise SnapshotError(f"{cls.model}: unknown keys {unknown}, missing {missing}")
        return cls(**{k: data[k] for k in known if k in data})


def snapshot_type(label: str) -> type[Snapshot] | None:
    """The declared snapshot class of a recorded model ("record.feedback"), if any."""
    return _BY_MODEL.get(label)


def snapshot_types() -> dict[str, type[Snapshot]]:
    return dict(_BY_MODEL)


def read(label: str, fields: Mapping[str, Any] | None) -> Snapshot | None:
    """Read a snapshot of any declared model; None for a model without a declaration."""
    kind = snapshot_type(label)
    return kind.read(fields) if kind is not None else None


def choice_labels(label: str, field: str) -> dict[str, str]:
    """value -> label of a model field's choices, read from the model itself (through the
    app registry, so a snapshot module never imports its models: they import it)."""
    from django.apps import apps

    model = apps.get_model(label)
    return {str(value): str(text) for value, text in model._meta.get_field(field).choices or ()}


# The log's own events.
ENTRY_ERASED = register(900, "entry.erased", "Content erased", Audience.PUBLIC)
SEALED = register(901, "sealed", "A sealed entry was made", Audience.SEALED)
# An erasure of an entry only members could read: its fresh snapshots stay members-only too.
ENTRY_ERASED_MEMBERS = register(902, "entry.erased_private", "Content erased", Audience.MEMBERS)
ENTRY_HIDDEN = register(
    903, "entry.hidden", "An entry was hidden from the public view", Audience.PUBLIC
)
ENTRY_SHOWN = register(
    904, "entry.shown", "A hidden entry was shown to the public again", Audience.PUBLIC
)
