"""`workings verify --witness KEY`: a cosignature is then required, and a forged one fails."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

from ledger_helpers import Log, build

from workings.verifier.cli import main
from workings.verifier.cosignature import add_cosignature, cosign, generate_witness_key, note_text
from workings.verifier.verify import verify_export

W_SIGNER, W_KEY = generate_witness_key("fund.example.org")
OTHER_SIGNER, OTHER_KEY = generate_witness_key("other.example.org")


def _cosigned(log: Log, signer: str = W_SIGNER, index: int = -1) -> Log:
    note = log.notes[index]
    log.notes[index] = add_cosignature(note, cosign(note_text(note), signer, 1_700_000_000))
    return log


def _lines(log: Log) -> list[str]:
    return log.export().splitlines(keepends=True)


def test_an_export_cosigned_by_the_witness_verifies() -> None:
    log = _cosigned(build(30, every=10))
    report = verify_export(_lines(log), log.vkey, [W_KEY])
    assert report.ok, report.summary()
    assert "OK: witness fund.example.org cosigned the checkpoint of size 30" in report.summary()
    assert verify_export(_lines(log), log.vkey).ok  # without --witness nothing changes


def test_a_missing_cosignature_fails_when_asked_for() -> None:
    log = _cosigned(build(30, every=10))
    report = verify_export(_lines(log), log.vkey, [W_KEY, OTHER_KEY])
    assert not report.ok
    assert "witness other.example.org has not cosigned any checkpoint" in report.summary()


def test_a_forged_cosignature_fails() -> None:
    log = build(30, every=10)
    # A cosignature made for the checkpoint of size 10, pasted onto the one of size 30.
    moved = cosign(note_text(log.notes[0]), W_SIGNER, 5)
    log.notes[-1] = add_cosignature(log.notes[-1], moved)
    report = verify_export(_lines(log), log.vkey, [W_KEY])
    assert not report.ok
    assert "does not verify" in report.summary()


def test_a_tampered_log_fails_even_with_a_good_cosignature() -> None:
    log = _cosigned(build(30, every=10))
    text = log.export().replace('"entry number 4"', '"entry number 5"')
    report = verify_export(text.splitlines(keepends=True), log.vkey, [W_KEY])
    assert not report.ok


def test_the_command_line_takes_repeatable_witness_keys(tmp_path: Path) -> None:
    log = _cosigned(_cosigned(build(30, every=10)), OTHER_SIGNER)
    path = tmp_path / "log.jsonl"
    path.write_text(log.export())
    key_file = tmp_path / "witness.pub"
    key_file.write_text(OTHER_KEY + "\n")
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(
            ["verify", str(path), "--key", log.vkey, "--witness", W_KEY, "--witness", str(key_file)]
        )
    assert code == 0, out.getvalue()
    assert "other.example.org cosigned" in out.getvalue()
    assert main(["verify", str(path), "--key", log.vkey, "--witness", "not-a-key"]) == 2
    only_one = _cosigned(build(30, every=10))
    path.write_text(only_one.export())
    with redirect_stdout(io.StringIO()):
        assert main(["verify", str(path), "--key", only_one.vkey, "--witness", OTHER_KEY]) == 1
