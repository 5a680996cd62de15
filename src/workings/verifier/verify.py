"""Offline verifier: check a whole export against the log's public key.

Why: the promise of the ledger is that anyone, without our software's goodwill, can check
that nothing was rewritten or removed. This needs only the export and the verifier key:

    workings verify EXPORT --key KEY        (or: python -m workings.verifier verify ...)

How it streams (docs/decisions/ledger-verify-memory.md): one pass over the lines keeps
only 32 bytes per entry (its leaf hash) plus the checkpoints; at the end the tree is built
level by level and the root at every checkpoint size is read off the perfect subtrees
(both by ``workings.ledger.hashing``, the one hasher).
Lines written by our exporter take a fast path (a few slices, one regex, three SHA-256
calls); anything else goes through the strict, slower path (checks.py) with precise
messages.
"""

from __future__ import annotations

import binascii
import hashlib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workings.ledger.canonical import canonical_json
from workings.ledger.checkpoint import (
    NoteError,
    parse_verifier_key,
)
from workings.ledger.hashing import leaf_hash, tree_levels

from .checks import check_checkpoints, check_entry
from .export import ExportEntry, ExportError, parse_header, parse_line
from .report import Collector, Failure, VerifyReport
from .witness import check_cosignatures

# The building blocks below verify_export (open_report to scan_lines) are public so that
# the multi-process verifier (parallel.py) can scan parts of a file and finish one report.
__all__ = ["Scan", "finish_report", "open_report", "scan_lines", "verify_export"]

_PREFIX_A = b'{"kind":"entry","seq":'
_PREFIX_B = b',"leaf":"'
_SALT_KEY = b'","salt":"'
_CONTENT_KEY = b'","content":'
# Printable ASCII except '"' and '\': such strings are their own canonical JSON form.
_SAFE = rb'[^"\\\x00-\x1f\x7f-\xff]+'


def _as_bytes(raw: str | bytes) -> bytes:
    return raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)


def _fast_leaf_regex(origin: str) -> re.Pattern[bytes]:
    origin_json = re.escape(canonical_json(origin))
    return re.compile(
        rb'\{"actor":(?:null|"' + _SAFE + rb'"),"content_commitment":"(.{64})",'
        rb'"origin":' + origin_json + rb',"sealed":false,"seq":(0|[1-9][0-9]*),'
        rb'"time":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z",'
        rb'"type":"' + _SAFE + rb'","v":1\}'
    )


def verify_export(
    lines: Iterable[str | bytes], verifier_key: str, witness_keys: Sequence[str] = ()
) -> VerifyReport:
    """Check an export line by line against the trusted ``verifier_key``; never raises on data.
    With ``witness_keys``, each of those witnesses must have validly cosigned a checkpoint.

    Raises NoteError only if ``verifier_key`` (or a witness key) itself is not a valid key.
    """
    it = iter(lines)
    report, col = open_report(next(it, None), verifier_key)
    if not report.origin:
        return report
    scan = scan_lines(it, report.origin, col.fail, first_line=2, expected=0)
    return finish_report(report, col, verifier_key, scan, witness_keys)


def open_report(first: str | bytes | None, verifier_key: str) -> tuple[VerifyReport, Collector]:
    """Check the header line against the trusted key; report.origin is set if it parses."""
    trusted = parse_verifier_key(verifier_key)
    report = VerifyReport()
    col = Collector(report)
    fail = col.fail
    if first is None:
        fail(None, 1, "the export is empty")
        return report, col
    try:
        header = parse_header(first)
    except ExportError as exc:
        fail(None, 1, f"line 1: {exc}")
        return report, col
    report.origin = header.origin
    try:
        claimed = parse_verifier_key(header.log_key)
        same_key = claimed == trusted
    except NoteError:
        same_key = False
    if not same_key:
        fail(
            None,
            1,
            f"the export says its log key is {header.log_key!r}, but the key you trust is "
            f"{trusted.key_string!r}; only checkpoints signed by the key you trust count",
        )
    return report, col


def finish_report(
    report: VerifyReport,
    col: Collector,
    verifier_key: str,
    scan: Scan,
    witness_keys: Sequence[str] = (),
) -> VerifyReport:
    """Check the checkpoints against the scanned leaves (and the witnesses' cosignatures,
    when asked for) and settle the report."""
    count = scan.count
    report.entries = count
    report.erased = scan.erased
    report.size = count
    levels = scan.levels if scan.levels is not None else tree_levels(scan.leaf_hashes)
    check_checkpoints(scan.notes, verifier_key, report.origin, count, levels, report, col.fail)
    if witness_keys:
        report.witnessed = check_cosignatures(scan.notes, witness_keys, verifier_key, col.fail)
    if count and (report.latest_checkpoint is None or report.latest_checkpoint.size < count):
        covered = report.latest_checkpoint.size if report.latest_checkpoint else 0
        report.warnings.append(
            f"entries {covered} to {count - 1} are not covered by any checkpoint yet"
        )
    if col.dropped:
        report.failures.append(
            Failure(None, scan.last_line, f"... and {col.dropped:,} more problems not listed")
        )
    report.ok = not report.failures
    return report


@dataclass
class Scan:
    """What one pass over (part of) the entry and checkpoint lines found."""

    leaf_hashes: bytearray
    notes: list[tuple[int, str]]
    count: int
    erased: int
    first_seq: int | None  # the seq of the first entry line seen, if any
    expected: int  # the next sequence number expected after the last entry
    last_line: int
    entry_after_note: bool = False
    # The tree's whole levels, when they were already built in parts (see parallel.py).
    levels: list[bytes] | None = None


def scan_lines(
    it: Iterable[str | bytes], origin: str, fail: Any, first_line: int, expected: int | None
) -> Scan:
    """Check entry lines and collect checkpoint notes, starting at line ``first_line``.

    ``expected`` None means "take the first entry's own seq" (a worker starting mid-file;
    the caller checks that the parts join up).
    """
    leaf_re = _fast_leaf_regex(origin)
    match_leaf = leaf_re.fullmatch
    a2b = binascii.a2b_base64
    hexlify = binascii.hexlify
    sha = hashlib.sha256
    leaf_hashes = bytearray()
    notes: list[tuple[int, str]] = []
    first_seq: int | None = None
    entry_after_note = False
    count = 0  # entries (leaves) seen
    erased = 0
    lineno = first_line - 1
    it = iter(it)
    if expected is None:
        peek = next(it, None)
        if peek is None:
            return Scan(leaf_hashes, notes, 0, 0, None, 0, lineno)
        expected = _peek_seq(_as_bytes(peek))
        it = itertools.chain([peek], it)
    seq_b = b"%d" % expected
    prefix = _PREFIX_A + seq_b + _PREFIX_B
    for raw in it:
        lineno += 1
        line = raw if raw.__class__ is bytes else _as_bytes(raw)
        # Fast path: an entry line exactly as our exporter writes it, with the expected seq.
        if line.startswith(prefix) and not notes:
            s = len(prefix)
            b = line.find(34, s)  # the closing quote of the base64 leaf
            if (
                line[b : b + 10] == _SALT_KEY
                and line[b + 54 : b + 66] == _CONTENT_KEY
                and line.endswith(b"}\n")
            ):
                try:
                    leaf = a2b(line[s:b], strict_mode=True)
                    salt = a2b(line[b + 10 : b + 54], strict_mode=True)
                except binascii.Error:
                    leaf = salt = b""
                m = match_leaf(leaf)
                if (
                    m is not None
                    and m[2] == seq_b
                    and len(salt) == 32
                    and hexlify(sha(salt + line[b + 66 : -2]).digest()) == m[1]
                ):
                    if first_seq is None:
                        first_seq = expected
                    leaf_hashes += leaf_hash(leaf)
                    expected += 1
                    count += 1
                    seq_b = b"%d" % expected
                    prefix = _PREFIX_A + seq_b + _PREFIX_B
                    continue
        # Slow path: parse the line as JSON and check everything with precise messages.
        if not line.strip():
            continue
        try:
            item = parse_line(line)
        except ExportError as exc:
            fail(None, lineno, f"line {lineno}: {exc}")
            continue
        if isinstance(item, str):
            notes.append((lineno, item))
            continue
        if first_seq is None:
            first_seq = item.seq
        if notes:
            entry_after_note = True
            fail(item.seq, lineno, f"entry {item.seq}: appears after the checkpoints")
        erased += check_entry(item, lineno, origin, expected, fail)
        leaf_hashes += leaf_hash(item.leaf)
        count += 1
        expected = item.seq + 1
        seq_b = b"%d" % expected
        prefix = _PREFIX_A + seq_b + _PREFIX_B
    return Scan(leaf_hashes, notes, count, erased, first_seq, expected, lineno, entry_after_note)


def _peek_seq(line: bytes) -> int:
    """The seq a line claims, or 0 if it is not a readable entry line."""
    if line.startswith(_PREFIX_A):
        digits = line[len(_PREFIX_A) : line.find(b",", len(_PREFIX_A))]
        if digits.isdigit():
            return int(digits)
    try:
        item = parse_line(line)
    except ExportError:
        return 0
    return item.seq if isinstance(item, ExportEntry) else 0
