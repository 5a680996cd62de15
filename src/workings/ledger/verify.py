"""Offline verifier: check a whole export against the log's public key.

Why: the promise of the ledger is that anyone, without our software's goodwill, can check
that nothing was rewritten or removed. This needs only the export and the verifier key:

    python -m workings.ledger.verify EXPORT --key KEY

How it streams (docs/decisions/ledger-verify-memory.md): one pass over the lines keeps
only 32 bytes per entry (its leaf hash) plus the checkpoints; at the end the tree is built
level by level and the root at every checkpoint size is read off the perfect subtrees.
Lines written by our exporter take a fast path (a few slices, one regex, three SHA-256
calls); anything else goes through the strict, slower path with precise messages.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import hmac
import itertools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .canonical import canonical_json
from .checkpoint import (
    Checkpoint,
    CheckpointError,
    NoteError,
    parse_checkpoint,
    parse_verifier_key,
    verify_note,
)
from .entry import LeafError, check_members_part, decode_leaf
from .export import ExportEntry, ExportError, parse_header, parse_line
from .merkle import EMPTY_ROOT

__all__ = ["Failure", "VerifyReport", "main", "verify_export"]

MAX_FAILURES = 1000


@dataclass(frozen=True)
class Failure:
    seq: int | None
    line: int
    message: str


@dataclass
class VerifyReport:
    ok: bool = False
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entries: int = 0
    checkpoints: int = 0
    erased: int = 0
    size: int = 0
    root: bytes = EMPTY_ROOT
    latest_checkpoint: Checkpoint | None = None
    origin: str = ""

    def summary(self) -> str:
        """A plain-English report, one line per failure."""
        out: list[str] = []
        if self.ok:
            cp = self.latest_checkpoint
            latest = (
                f"latest checkpoint size {cp.size:,} root {base64.b64encode(cp.root).decode()}"
                if cp
                else "no checkpoint"
            )
            out.append(
                f"OK: {self.entries:,} entries, {self.checkpoints:,} checkpoints, "
                f"{self.erased:,} erased; {latest}"
            )
        else:
            out.extend(f.message for f in self.failures)
            out.append(f"FAILED: {len(self.failures):,} problem(s) found.")
        out.extend(f"warning: {w}" for w in self.warnings)
        return "\n".join(out)


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


class _Collector:
    def __init__(self, report: VerifyReport) -> None:
        self.report = report
        self.dropped = 0

    def fail(self, seq: int | None, line: int, message: str) -> None:
        if len(self.report.failures) < MAX_FAILURES:
            self.report.failures.append(Failure(seq, line, message))
        else:
            self.dropped += 1


def _roots_at(leaf_hashes: bytearray, sizes: Iterable[int]) -> dict[int, bytes]:
    """RFC 9162 roots of every prefix size in ``sizes``, building the tree level by level.

    The perfect subtrees of [0, m) are, for every set bit L of m, node (L, (m >> L) - 1).
    """
    sha = hashlib.sha256
    wanted = {m: [] for m in set(sizes) if m > 0}  # type: dict[int, list[bytes]]
    level: Any = memoryview(leaf_hashes)
    lv = 0
    while True:
        for m, parts in wanted.items():
            if (m >> lv) & 1:
                i = ((m >> lv) - 1) * 32
                parts.append(bytes(level[i : i + 32]))
        n = len(level) // 64
        if n == 0:
            break
        mv = level
        level = memoryview(
            b"".join([sha(b"\x01" + mv[i : i + 64]).digest() for i in range(0, n * 64, 64)])
        )
        lv += 1
    roots = {0: EMPTY_ROOT}
    for m, parts in wanted.items():
        r = parts[0]  # smallest (rightmost) subtree first
        for h in parts[1:]:
            r = sha(b"\x01" + h + r).digest()
        roots[m] = r
    return roots


def verify_export(lines: Iterable[str | bytes], verifier_key: str) -> VerifyReport:
    """Check an export line by line against the trusted ``verifier_key``; never raises on data.

    Raises NoteError only if ``verifier_key`` itself is not a valid key.
    """
    it = iter(lines)
    report, col = _open_report(next(it, None), verifier_key)
    if not report.origin:
        return report
    scan = _scan(it, report.origin, col.fail, first_line=2, expected=0)
    return _finish(report, col, verifier_key, scan)


def _open_report(first: str | bytes | None, verifier_key: str) -> tuple[VerifyReport, _Collector]:
    """Check the header line against the trusted key; report.origin is set if it parses."""
    trusted = parse_verifier_key(verifier_key)
    report = VerifyReport()
    col = _Collector(report)
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


def _finish(report: VerifyReport, col: _Collector, verifier_key: str, scan: _Scan) -> VerifyReport:
    """Check the checkpoints against the scanned leaves and settle the report."""
    count = scan.count
    report.entries = count
    report.erased = scan.erased
    report.size = count
    roots_at = scan.roots_at or (lambda sizes: _roots_at(scan.leaf_hashes, sizes))
    _check_checkpoints(scan.notes, verifier_key, report.origin, count, roots_at, report, col.fail)
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
class _Scan:
    """What one pass over (part of) the entry and checkpoint lines found."""

    leaf_hashes: bytearray
    notes: list[tuple[int, str]]
    count: int
    erased: int
    first_seq: int | None  # the seq of the first entry line seen, if any
    expected: int  # the next sequence number expected after the last entry
    last_line: int
    entry_after_note: bool = False
    # Set when the tree was already built in parts (see parallel.py).
    roots_at: Callable[[list[int]], dict[int, bytes]] | None = None


def _scan(
    it: Iterable[str | bytes], origin: str, fail: Any, first_line: int, expected: int | None
) -> _Scan:
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
            return _Scan(leaf_hashes, notes, 0, 0, None, 0, lineno)
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
                    leaf_hashes += sha(b"\x00" + leaf).digest()
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
        erased += _check_entry(item, lineno, origin, expected, fail)
        leaf_hashes += sha(b"\x00" + item.leaf).digest()
        count += 1
        expected = item.seq + 1
        seq_b = b"%d" % expected
        prefix = _PREFIX_A + seq_b + _PREFIX_B
    return _Scan(leaf_hashes, notes, count, erased, first_seq, expected, lineno, entry_after_note)


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


def _check_entry(item: ExportEntry, lineno: int, origin: str, expected: int, fail: Any) -> int:
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
    got = hashlib.sha256(item.salt + canonical_json(item.content)).hexdigest()
    if not hmac.compare_digest(got, header.content_commitment):
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


def _check_checkpoints(
    notes: Sequence[tuple[int, str]],
    verifier_key: str,
    origin: str,
    count: int,
    roots_at: Callable[[list[int]], dict[int, bytes]],
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
    roots = roots_at([cp.size for _, _, cp in parsed if cp.size <= count] + [count])
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


def read_key(value: str) -> str:
    """A verifier key given on the command line: the key itself, or a file holding it."""
    path = Path(value)
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    return value.strip()


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: exit 0 if the export verifies, 1 if it does not, 2 on usage errors."""
    parser = argparse.ArgumentParser(
        prog="python -m workings.ledger.verify",
        description="Check a Workings log export against the log's public key.",
    )
    parser.add_argument("export", help="path to the export file (JSON Lines)")
    parser.add_argument(
        "--key", required=True, help="the log's verifier key, or a file containing it"
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    key = read_key(args.key)
    try:
        parse_verifier_key(key)
    except NoteError as exc:
        print(f"error: the key is not a valid verifier key: {exc}", file=sys.stderr)
        return 2
    try:
        from .parallel import verify_file

        report = verify_file(args.export, key)
    except OSError as exc:
        print(f"error: cannot read the export: {exc}", file=sys.stderr)
        return 2
    print(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
