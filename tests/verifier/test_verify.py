"""The offline verifier: a clean export passes; every kind of tampering is named."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from ledger_helpers import ORIGIN, Log, build

from workings.ledger.checkpoint import format_checkpoint, generate_signer, sign_note
from workings.ledger.entry import LeafHeader, decode_leaf, encode_leaf
from workings.ledger.hashing import leaf_hash, root_hash
from workings.verifier.cli import main
from workings.verifier.export import ExportEntry, read_export
from workings.verifier.verify import verify_export


def lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def messages(log_text: str, vkey: str) -> list[str]:
    report = verify_export(lines_of(log_text), vkey)
    assert not report.ok
    return [f.message for f in report.failures]


def edit_entry(text: str, seq: int, fn: object) -> str:
    lines = lines_of(text)
    obj = json.loads(lines[seq + 1])
    fn(obj)  # type: ignore[operator]
    lines[seq + 1] = json.dumps(obj) + "\n"
    return "".join(lines)


@pytest.fixture(scope="module")
def log() -> Log:
    return build(100, every=20)


def test_clean_export_verifies(log: Log) -> None:
    text = log.export()
    report = verify_export(lines_of(text), log.vkey)
    assert report.ok, report.summary()
    assert (report.entries, report.checkpoints, report.erased) == (100, 5, 0)
    assert report.size == 100
    assert report.root == root_hash([e.leaf for e in log.entries])
    assert report.summary().startswith("OK: 100 entries, 5 checkpoints, 0 erased")
    # bytes input and re-serialised (non-canonical whitespace) lines go the slow path
    assert verify_export([x.encode() for x in lines_of(text)], log.vkey).ok
    pretty = "".join(json.dumps(json.loads(x)) + "\n" for x in lines_of(text))
    assert verify_export(lines_of(pretty), log.vkey).ok


def test_read_export_round_trip(log: Log) -> None:
    items = list(read_export(lines_of(log.export())))
    assert items[0].origin == ORIGIN  # type: ignore[union-attr]
    assert items[1:101] == log.entries
    assert items[101:] == log.notes


def test_content_edited(log: Log) -> None:
    text = edit_entry(log.export(), 17, lambda o: o["content"].update(text="rewritten"))
    assert messages(text, log.vkey) == [
        "entry 17: content does not match its commitment — it was changed after it was recorded"
    ]


def test_salt_changed(log: Log) -> None:
    text = edit_entry(
        log.export(), 42, lambda o: o.update(salt=base64.b64encode(b"\x01" * 32).decode())
    )
    assert messages(text, log.vkey) == [
        "entry 42: content does not match its commitment — it was changed after it was recorded"
    ]


def test_leaf_edited(log: Log) -> None:
    def change(o: dict[str, object]) -> None:
        h = decode_leaf(base64.b64decode(str(o["leaf"])))
        forged = LeafHeader(**{**h.__dict__, "type": "decision.withdrawn"})
        o["leaf"] = base64.b64encode(encode_leaf(forged)).decode()

    msgs = messages(edit_entry(log.export(), 33, change), log.vkey)
    assert len(msgs) == 4  # checkpoints of size 40, 60, 80, 100
    assert msgs[0].startswith("checkpoint 2 (size 40) root does not match the entries")
    assert "entries 20 to 39" in msgs[0]


def test_leaf_garbled(log: Log) -> None:
    text = edit_entry(log.export(), 5, lambda o: o.update(leaf=base64.b64encode(b"{}").decode()))
    msgs = messages(text, log.vkey)
    assert msgs[0].startswith("entry 5: its leaf is not a valid ledger header")


def test_entry_deleted(log: Log) -> None:
    lines = lines_of(log.export())
    del lines[51]  # entry 50
    msgs = messages("".join(lines), log.vkey)
    assert msgs[0] == "entry 51: entry 50 missing before it — entries were removed"
    assert any("checkpoint for 100 entries but the export has only 99" in m for m in msgs)
    assert any("checkpoint 3 (size 60) root does not match" in m for m in msgs)


def test_two_entries_swapped(log: Log) -> None:
    lines = lines_of(log.export())
    lines[11], lines[12] = lines[12], lines[11]  # entries 10 and 11
    msgs = messages("".join(lines), log.vkey)
    assert msgs[0] == "entry 11: entry 10 missing before it — entries were removed"
    assert msgs[1].startswith("entry 10: out of order (expected entry 12 here)")
    assert any(m.startswith("checkpoint 1 (size 20) root does not match") for m in msgs)


def test_truncated_and_resigned_by_another_key(log: Log) -> None:
    forger = Log(keys=generate_signer(ORIGIN))
    for e in log.entries[:60]:
        forger.entries.append(e)
        forger.tree.append(leaf_hash(e.leaf))
    forger.checkpoint()
    msgs = messages(forger.export(), log.vkey)
    assert msgs[0].startswith("the export says its log key is")
    assert msgs[1] == (
        "checkpoint 1: it is not signed by the key you trust (signed by another key?)"
    )


def test_checkpoint_signed_by_another_key(log: Log) -> None:
    other_s, _ = generate_signer(ORIGIN)
    body = format_checkpoint(ORIGIN, 100, log.tree.root())
    text = log.export() + json.dumps({"kind": "checkpoint", "note": sign_note(body, other_s)})
    assert messages(text, log.vkey) == [
        "checkpoint 6: it is not signed by the key you trust (signed by another key?)"
    ]


def test_checkpoint_tampered_and_going_backwards(log: Log) -> None:
    note = log.notes[-1].replace("\n100\n", "\n99\n")
    text = log.export() + json.dumps({"kind": "checkpoint", "note": note}) + "\n"
    assert messages(text, log.vkey) == [
        "checkpoint 6: signature does not verify for key " + "+".join(log.vkey.split("+")[:2])
    ]
    body = format_checkpoint(ORIGIN, 20, root_hash([e.leaf for e in log.entries[:20]]))
    back = log.export() + json.dumps({"kind": "checkpoint", "note": sign_note(body, log.skey)})
    assert messages(back, log.vkey)[0].startswith(
        "checkpoint 6 (size 20) is smaller than the one before it (size 100)"
    )


def test_erased_content_still_verifies(log: Log) -> None:
    def erase(o: dict[str, object]) -> None:
        o.update(content=None, salt=None, erased={"at": "2027-01-01", "reason": "request"})

    text = edit_entry(edit_entry(log.export(), 3, erase), 64, erase)
    report = verify_export(lines_of(text), log.vkey)
    assert report.ok, report.summary()
    assert report.erased == 2
    half = edit_entry(log.export(), 9, lambda o: o.update(salt=None))
    assert messages(half, log.vkey)[0].startswith("entry 9: has content without its salt")


def test_sealed_entries_and_other_origin() -> None:
    log = Log()
    log.append({"concern": "x"}, sealed=True)
    log.append({"a": 1})
    log.checkpoint()
    assert verify_export(lines_of(log.export()), log.vkey).ok
    other = Log(origin="elsewhere.example/log", keys=log.keys)
    other.append({"a": 1})
    entry = other.entries[0]
    log2 = Log(keys=log.keys)
    log2.entries.append(ExportEntry(0, entry.leaf, entry.content, entry.salt))
    log2.tree.append(leaf_hash(entry.leaf))
    log2.checkpoint()
    msgs = messages(log2.export(), log.vkey)
    assert msgs == ["entry 0: its leaf belongs to another log ('elsewhere.example/log')"]


def test_structural_problems(log: Log) -> None:
    assert messages("", log.vkey) == ["the export is empty"]
    assert messages("{}\n", log.vkey)[0].startswith("line 1:")
    head = lines_of(log.export())[0]
    assert messages(head, log.vkey) == ["the export has no checkpoints, so nothing in it is signed"]
    assert messages(head + "nonsense\n" + log.export().split("\n", 1)[1], log.vkey) == [
        "line 2: line is not JSON (Expecting value: line 1 column 1 (char 0))"
    ]
    report = verify_export(lines_of(log.export())[:-1], log.vkey)
    assert report.ok  # the last checkpoint is missing: entries 80..99 uncovered
    assert report.warnings == ["entries 80 to 99 are not covered by any checkpoint yet"]


def test_cli_exit_codes(log: Log, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(log.export(), encoding="utf-8")
    keyfile = tmp_path / "log.pub"
    keyfile.write_text(log.vkey + "\n", encoding="utf-8")
    assert main(["verify", str(good), "--key", log.vkey]) == 0
    assert "OK: 100 entries" in capsys.readouterr().out
    assert main(["verify", str(good), "--key", str(keyfile)]) == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        edit_entry(log.export(), 17, lambda o: o["content"].update(i=-1)), encoding="utf-8"
    )
    assert main(["verify", str(bad), "--key", log.vkey]) == 1
    assert "entry 17: content does not match" in capsys.readouterr().out
    assert main(["verify", str(good), "--key", "not-a-key"]) == 2
    assert main(["verify", str(tmp_path / "missing.jsonl"), "--key", log.vkey]) == 2
    assert main(["verify", str(good)]) == 2
    assert main(["verify"]) == 2
    assert main([]) == 2  # no command


def test_the_workings_command_runs_the_same_verifier(
    log: Log, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workings verify FILE --key KEY` is the verifier's one main, with no Django settings."""
    from workings.cli import main as workings_main

    good = tmp_path / "good.jsonl"
    good.write_text(log.export(), encoding="utf-8")
    assert workings_main(["verify", str(good), "--key", log.vkey]) == 0
    assert "OK: 100 entries" in capsys.readouterr().out
    bad = tmp_path / "bad.jsonl"
    bad.write_text(edit_entry(log.export(), 5, lambda o: o.update(seq=6)), encoding="utf-8")
    assert workings_main(["verify", str(bad), "--key", log.vkey]) == 1
    assert "FAILED" in capsys.readouterr().out
    assert workings_main(["verify-annex", str(good), "--key", log.vkey]) == 1
    assert "this is not a readable annex" in capsys.readouterr().out
