"""The snapshot contract's base (events/snapshots.py): versions, upgrades, missing and
unknown keys, the registry, labels, and where event types are declared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import pytest

from workings.events import snapshots, types
from workings.events.snapshots import Snapshot, SnapshotError, snapshot_type


@dataclass(frozen=True)
class NoteV1(Snapshot):
    model: ClassVar[str] = "tests.note_v1"
    text: str = ""
    author: int | None = None


@dataclass(frozen=True)
class NoteV3(Snapshot):
    """Version 2 renamed "text" to "body"; version 3 added "public"."""

    model: ClassVar[str] = "tests.note_v3"
    schema_version: ClassVar[int] = 3
    body: str = ""
    author: int | None = None
    public: bool = False

    @classmethod
    def upgrade(cls, fields: dict[str, Any], from_version: int) -> dict[str, Any]:
        if from_version == 1:
            fields["body"] = fields.pop("text", "")
            return fields
        if from_version == 2:
            return {**fields, "public": False}
        return super().upgrade(fields, from_version)


def test_version_1_writes_no_version_key_and_reads_back() -> None:
    note = NoteV1(text="hello", author=3)
    assert note.fields() == {"text": "hello", "author": 3}
    assert list(note.fields()) == ["text", "author"]  # declaration order: the entry's order
    assert NoteV1.read(note.fields(), strict=True) == note


def test_a_later_version_writes_its_number_and_reads_every_older_one() -> None:
    assert NoteV3(body="hi", author=1, public=True).fields() == {
        "_v": 3,
        "body": "hi",
        "author": 1,
        "public": True,
    }
    want = NoteV3(body="hi", author=1, public=False)
    assert NoteV3.read({"text": "hi", "author": 1}, strict=True) == want  # v1: no key
    assert NoteV3.read({"_v": 2, "body": "hi", "author": 1}, strict=True) == want
    assert NoteV3.read(want.fields(), strict=True) == want


def test_a_newer_or_bad_version_is_refused() -> None:
    with pytest.raises(SnapshotError, match="newer"):
        NoteV1.read({"_v": 2, "text": "x"})
    with pytest.raises(SnapshotError, match="bad snapshot version"):
        NoteV1.read({"_v": "2", "text": "x"})


def test_missing_keys_take_defaults_unless_strict() -> None:
    # An audience that may not read a personal field gets the snapshot without it.
    assert NoteV1.read({"text": "x"}) == NoteV1(text="x", author=None)
    assert NoteV1.read(None) == NoteV1()
    with pytest.raises(SnapshotError, match="missing"):
        NoteV1.read({"text": "x"}, strict=True)


def test_unknown_keys_are_ignored_unless_strict() -> None:
    assert NoteV1.read({"text": "x", "author": 1, "later": 5}) == NoteV1(text="x", author=1)
    with pytest.raises(SnapshotError, match="unknown"):
        NoteV1.read({"text": "x", "author": 1, "later": 5}, strict=True)


def test_the_registry_finds_each_model_s_class_and_refuses_a_second() -> None:
    assert snapshot_type("tests.note_v1") is NoteV1
    assert snapshot_type("record.feedback").__name__ == "FeedbackSnapshot"  # type: ignore[union-attr]
    assert snapshot_type("nobody.nothing") is None
    with pytest.raises(ValueError, match="already has a snapshot type"):

        @dataclass(frozen=True)
        class Twin(Snapshot):
            model: ClassVar[str] = "tests.note_v1"


def test_no_snapshot_field_hides_the_contract_s_own_names() -> None:
    """A field called "model" or "schema_version" would silently replace the class's own."""
    for label, kind in snapshots.snapshot_types().items():
        assert kind.model == label
        assert isinstance(kind.schema_version, int)
        assert not {"model", "schema_version", "_v"} & set(kind.keys()), label


@pytest.mark.django_db
def test_labels_come_from_the_model_s_choices() -> None:
    from workings.record.models.feedback import Outcome
    from workings.record.snapshots import FeedbackSnapshot

    assert FeedbackSnapshot.labels("outcome") == {v: str(lbl) for v, lbl in Outcome.choices}


def test_every_event_type_is_declared_in_an_app_s_snapshots_module() -> None:
    registered = [t for t in types.all_types() if t.module.startswith("workings.")]
    assert len(registered) > 30
    for event_type in registered:
        app = event_type.module.split(".")[1]
        assert event_type.module == f"workings.{app}.snapshots", event_type
    assert not [t for t in types.all_types() if not t.module.startswith(("workings.", "tests."))]
