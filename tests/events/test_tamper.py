"""Every kind of tampering a database administrator could try is caught by
`workings verify --project` with a clear message; the database itself refuses the
simplest ones (UPDATE or DELETE of a log row)."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, transaction

from tests.events.helpers import add_events
from tests.events.tamper import drop_triggers, sql
from workings.events.audit import verify_project
from workings.events.models import Checkpoint, Entry, EntryContent, Log
from workings.events.services import entry_erase
from workings.ledger.checkpoint import format_checkpoint, generate_signer, sign_note
from workings.projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def grown(world: Any) -> Any:
    add_events(world.project, world.users["lead"], 12)
    world.log = Log.objects.get(project=world.project)
    return world


def failures(world: Any) -> str:
    check = verify_project(world.project)
    assert not check.ok, check.summary()
    return check.summary()


def test_untouched_record_verifies(grown: Any) -> None:
    check = verify_project(grown.project)
    assert check.ok, check.summary()
    assert check.rows_checked >= 5  # the project and its memberships
    out = StringIO()
    call_command("verify", project=grown.project.slug, stdout=out)
    assert "OK:" in out.getvalue()


def test_export_command_writes_json_lines(grown: Any, tmp_path: Any) -> None:
    path = tmp_path / "log.jsonl"
    call_command("export", grown.project.slug, out=str(path))
    lines = path.read_text().splitlines()
    assert lines[0].startswith('{"format":"workings-log-export/1"')
    entries = [x for x in lines if x.startswith('{"kind":"entry"')]
    assert len(entries) == grown.log.size
    assert sum(1 for x in lines if '"kind":"checkpoint"' in x) == grown.log.size
    from workings.events import keys
    from workings.verifier.cli import main

    assert main(["verify", str(path), "--key", keys.verifier_key()]) == 0


def test_raw_update_and_delete_of_an_entry_are_refused(grown: Any) -> None:
    for statement in (
        "UPDATE events_entry SET type = 'rewritten'",
        "DELETE FROM events_entry WHERE seq = 3",
        "UPDATE events_checkpoint SET note = 'x'",
        "DELETE FROM events_treenode",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            sql(statement)
    assert Entry.objects.filter(log=grown.log).count() == grown.log.size


def test_content_edited_in_the_database(grown: Any) -> None:
    body = EntryContent.objects.get(entry__log=grown.log, entry__seq=9)
    content = body.content
    content["data"]["note"] = "something else"
    EntryContent.objects.filter(pk=body.pk).update(content=content)
    assert "entry 9: content does not match its commitment" in failures(grown)


def test_leaf_edited(grown: Any) -> None:
    drop_triggers()
    seq = grown.log.size - 2
    leaf = bytes(Entry.objects.get(log=grown.log, seq=seq).leaf)
    forged = leaf.replace(b'"type":"project.updated"', b'"type":"project.created"')
    assert forged != leaf
    sql(
        "UPDATE events_entry SET leaf = %s WHERE log_id = %s AND seq = %s",
        [forged, grown.log.pk, seq],
    )
    out = failures(grown)
    assert "root does not match the entries" in out
    assert f"the change is in entries {seq} to {seq}" in out


def test_entry_deleted(grown: Any) -> None:
    drop_triggers()
    entry = Entry.objects.get(log=grown.log, seq=6)
    sql("DELETE FROM events_entrycontent WHERE entry_id = %s", [entry.pk])
    sql("DELETE FROM events_entry WHERE id = %s", [entry.pk])
    assert "entry 7: entry 6 missing before it — entries were removed" in failures(grown)


def test_two_entries_swapped(grown: Any) -> None:
    drop_triggers()
    a = Entry.objects.get(log=grown.log, seq=5)
    b = Entry.objects.get(log=grown.log, seq=8)
    sql("UPDATE events_entry SET seq = -1 WHERE id = %s", [a.pk])
    sql("UPDATE events_entry SET seq = 5 WHERE id = %s", [b.pk])
    sql("UPDATE events_entry SET seq = 8 WHERE id = %s", [a.pk])
    out = failures(grown)
    assert "entry 5: its leaf says it is entry 8" in out
    assert "entry 8: its leaf says it is entry 5" in out


def _forge(log: Log, size: int, root: bytes) -> str:
    other, _ = generate_signer("workings.test")
    return sign_note(format_checkpoint(log.origin, size, root), other)


def test_log_truncated_and_recheckpointed_without_the_key(grown: Any) -> None:
    drop_triggers()
    keep = grown.log.size - 3
    ids = list(Entry.objects.filter(log=grown.log, seq__gte=keep).values_list("id", flat=True))
    for pk in ids:
        sql("DELETE FROM events_entrycontent WHERE entry_id = %s", [pk])
        sql("DELETE FROM events_entry WHERE id = %s", [pk])
    sql("DELETE FROM events_checkpoint WHERE log_id = %s AND size >= %s", [grown.log.pk, keep])
    genuine = Checkpoint.objects.get(log=grown.log, size=keep - 1)
    Checkpoint.objects.create(
        log=grown.log, size=keep, root=genuine.root, note=_forge(grown.log, keep, genuine.root)
    )
    out = failures(grown)
    assert "is not signed by the key you trust" in out


def test_log_truncated_keeping_the_signed_checkpoints(grown: Any) -> None:
    drop_triggers()
    keep = grown.log.size - 2
    for pk in Entry.objects.filter(log=grown.log, seq__gte=keep).values_list("id", flat=True):
        sql("DELETE FROM events_entrycontent WHERE entry_id = %s", [pk])
        sql("DELETE FROM events_entry WHERE id = %s", [pk])
    sql("UPDATE events_log SET size = %s WHERE id = %s", [grown.log.size, grown.log.pk])
    assert "entries were removed" in failures(grown)


def test_checkpoint_signed_by_another_key(grown: Any) -> None:
    drop_triggers()
    latest = Checkpoint.objects.filter(log=grown.log).order_by("-size").first()
    assert latest is not None
    sql("DELETE FROM events_checkpoint WHERE id = %s", [latest.pk])
    Checkpoint.objects.create(
        log=grown.log,
        size=latest.size,
        root=latest.root,
        note=_forge(grown.log, latest.size, bytes(latest.root)),
    )
    assert "not signed by the key you trust" in failures(grown)


def test_domain_row_edited_behind_the_service(grown: Any) -> None:
    Project.objects.filter(pk=grown.project.pk).update(title="x")
    seq = Project.objects.get(pk=grown.project.pk).last_event_seq
    out = failures(grown)
    assert (
        f"projects.project {grown.project.pk} (x): field title differs from the snapshot "
        f"in entry {seq} — edited outside Workings"
    ) in out
    with pytest.raises(CommandError):
        call_command("verify", project=grown.project.slug, stdout=StringIO())


def test_a_row_whose_latest_entry_was_erased_is_checked_against_the_erasure(grown: Any) -> None:
    """The erasure entry holds a fresh snapshot of every row whose latest snapshot it erased,
    so the row stays checkable, and an edit behind the software's back is still caught."""
    seq = Project.objects.get(pk=grown.project.pk).last_event_seq
    erasure = entry_erase(actor=grown.users["lead"], project=grown.project, seq=seq, reason="Test")
    check = verify_project(grown.project)
    assert check.ok, check.summary()
    assert not check.not_checkable, check.summary()
    assert Project.objects.get(pk=grown.project.pk).last_event_seq == erasure.seq
    Project.objects.filter(pk=grown.project.pk).update(title="x")
    assert f"field title differs from the snapshot in entry {erasure.seq}" in failures(grown)
