"""The verifier's strict path: one entry checked field by field, and the checkpoints checked
against the roots the entries give, each problem in plain English."""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Sequence
from typing import Any

from workings.ledger.checkpoint import (
    Checkpoint,
    CheckpointError,
    NoteError,
    parse_checkpoint,
    verify_note,
)
from workings.ledger.entry import LeafError, check_content, check_members_part, decode_leaf
from workings.ledger.hashing import prefix_roots

from .export import ExportEntry
from .report import VerifyReport


def check_entry(item: ExportEntry, lineno: int, origin: str, expected: int, fail: Any) -> int:
    """Strict checks of one entry; returns 1 if it is erased."""
    seq = item.seq
    if seq > expected:
        missing = f"entry {expected}" if seq == expected + 1 else f"entries {expected} to {seq - 1}"
        fail(seq, lineno, f"entry {seq}: {missing} missing before it — entries were removed")
    elif seq < expected:
        fail(
            seq,
            lineno,
            f"entry {seq}: out of order (expected entry {expected} here) — "
            "entries were reordered or duplicated",
        )
    try:
        header = decode_leaf(item.leaf)
    except LeafError as exc:
        fail(seq, lineno, f"entry {seq}: its leaf is not a valid ledger header ({exc})")
        return 0
    if header.seq != seq:
        fail(seq, lineno, f"entry {seq}: its leaf says it is entry {header.seq}")
    if header.origin != origin:
        fail(seq, lineno, f"entry {seq}: its leaf belongs to another log ({header.origin!r})")
    if item.content is None and item.salt is None:
        return 1
    if item.salt is None or item.content is None:
        fail(
            seq,
            lineno,
            f"entry {seq}: has content without its salt or a salt without content; "
            "an erased entry has neither",
        )
        return 0
    if len(item.salt) != 32:
        fail(seq, lineno, f"entry {seq}: its salt is not 32 bytes")
        return 0
    if not check_content(header, item.content, item.salt):
        fail(
            seq,
            lineno,
            f"entry {seq}: content does not match its commitment — "
            "it was changed after it was recorded",
        )
    elif item.members is not None:
        bad = check_members_part(item.content, item.members)
        if bad:
            fail(
                seq,
                lineno,
                f"entry {seq}: its member part ({', '.join(bad)}) does not match the "
                "commitment its content holds — it was changed after it was recorded",
            )
    return 0


def check_checkpoints(
    notes: Sequence[tuple[int, str]],
    verifier_key: str,
    origin: str,
    count: int,
    levels: Iterable[bytes | memoryview],
    report: VerifyReport,
    fail: Any,
) -> None:
    parsed: list[tuple[int, int, Checkpoint]] = []
    for k, (lineno, note) in enumerate(notes, start=1):
        try:
            text = verify_note(note, [verifier_key])
        except NoteError as exc:
            reason = str(exc)
            if reason == "no signature from a known key":
                reason = "it is not signed by the key you trust (signed by another key?)"
            fail(None, lineno, f"checkpoint {k}: {reason}")
            continue
        try:
            cp = parse_checkpoint(text)
        except CheckpointError as exc:
            fail(None, lineno, f"checkpoint {k}: {exc}")
            continue
        if cp.origin != origin:
            fail(None, lineno, f"checkpoint {k}: it is for another log ({cp.origin!r})")
            continue
        parsed.append((k, lineno, cp))
    if not notes:
        fail(None, 0, "the export has no checkpoints, so nothing in it is signed")
    roots = prefix_roots(levels, [cp.size for _, _, cp in parsed if cp.size <= count] + [count])
    report.root = roots[count]
    prev_size = -1
    good_size = 0
    for k, lineno, cp in parsed:
        if cp.size < prev_size:
            fail(
                None,
                lineno,
                f"checkpoint {k} (size {cp.size}) is smaller than the one before it "
                f"(size {prev_size}) — the log went backwards",
            )
        prev_size = max(prev_size, cp.size)
        if cp.size > count:
            fail(
                None,
                lineno,
                f"checkpoint {k}: checkpoint for {cp.size:,} entries but the export has "
                f"only {count:,} — entries were removed",
            )
            continue
        if not hmac.compare_digest(roots[cp.size], cp.root):
            where = (
                f"the change is in entries {good_size} to {cp.size - 1}"
                if good_size < cp.size
                else "the entries were rewritten"
            )
            fail(
                None,
                lineno,
                f"checkpoint {k} (size {cp.size}) root does not match the entries — an entry "
                f"was changed, removed or reordered ({where})",
            )
            continue
        good_size = max(good_size, cp.size)
        report.checkpoints += 1
        if report.latest_checkpoint is None or cp.size >= report.latest_checkpoint.size:
            report.latest_checkpoint = cp
