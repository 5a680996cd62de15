"""Verify an export file on two (or more) processes.

Why: one process spends most of its time in per-line work (base64, a regex, three SHA-256
calls) that is independent from line to line. A file can be split at line boundaries, each
part scanned by its own process, and the leaf hashes joined in order before the tree is
built once. The parallel path is only a speed-up for the normal case: if any part finds a
problem, or the parts do not join up (a sequence gap at a boundary, an entry after a
checkpoint), the whole file is verified again sequentially so the report is exactly the
one ``verify_export`` would give, with its precise messages.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from workings.ledger.hashing import HASH_SIZE, parent_level

from .report import Collector, VerifyReport
from .verify import Scan, finish_report, open_report, scan_lines, verify_export

__all__ = ["merge_levels", "part_levels", "verify_file"]

# Below this size the cost of starting a process outweighs the gain.
MIN_PARALLEL_BYTES = 8_000_000
_BLOCK = 4 << 20


def _lines(path: str, start: int, end: int) -> Iterator[bytes]:
    """The lines in bytes [start, end) of the file; start and end are line boundaries."""
    with open(path, "rb") as fp:
        fp.seek(start)
        left = end - start
        tail = b""
        while left > 0:
            block = fp.read(min(_BLOCK, left))
            if not block:
                break
            left -= len(block)
            block = tail + block
            cut = block.rfind(b"\n") + 1
            tail = block[cut:]
            yield from block[:cut].splitlines(keepends=True)
        if tail:
            yield tail


def _first_line_number(path: str, start: int) -> int:
    """1-based number of the line that begins at byte ``start``."""
    n = 1
    with open(path, "rb") as fp:
        left = start
        while left > 0:
            block = fp.read(min(_BLOCK, left))
            if not block:
                break
            left -= len(block)
            n += block.count(b"\n")
    return n


Levels = list[tuple[int, bytes]]  # per tree level: (index of the first node, node hashes)


def part_levels(leaf_hashes: bytes | bytearray, start: int) -> Levels:
    """Every tree node computable from the leaves [start, start + n) alone, level by level.

    At each level a part can only hash the pairs (2i, 2i + 1) that lie wholly inside it;
    a node whose children straddle two parts is left for ``merge_levels``.
    """
    out: Levels = [(start, bytes(leaf_hashes))]
    while True:
        data = parent_level(out[-1][1], start)
        if not data:
            return out
        start = (start + 1) // 2
        out.append((start, data))


def merge_levels(parts: list[Levels], n: int) -> list[bytes]:
    """Whole levels of the tree of n leaves: the parts' nodes plus the few (O(log n) per
    boundary) nodes that straddle two parts, hashed here from the level below."""
    levels: list[bytes] = []
    lv = 0
    while n >> lv:
        count = n >> lv
        buf = bytearray()
        pos = 0
        below = levels[-1] if levels else b""
        for part in parts:
            if lv >= len(part):
                continue
            first, data = part[lv]
            k = min(len(data) // HASH_SIZE, count - first)
            if k <= 0:
                continue
            buf += parent_level(below[2 * HASH_SIZE * pos : 2 * HASH_SIZE * first])
            buf += data[: HASH_SIZE * k]
            pos = first + k
        buf += parent_level(below[2 * HASH_SIZE * pos : 2 * HASH_SIZE * count])
        levels.append(bytes(buf))
        lv += 1
    return levels


def _scan_part(path: str, start: int, end: int, origin: str) -> tuple[Scan, bool, Levels]:
    """Scan one part; returns the scan, whether it found any problem, and its tree nodes."""
    report = VerifyReport()
    col = Collector(report)
    first_line = _first_line_number(path, start)
    scan = scan_lines(_lines(path, start, end), origin, col.fail, first_line, expected=None)
    bad = bool(report.failures) or col.dropped > 0
    levels = [] if bad or not scan.count else part_levels(scan.leaf_hashes, scan.first_seq or 0)
    return scan, bad, levels


def _boundaries(path: str, body_start: int, size: int, parts: int) -> list[int]:
    cuts = [body_start]
    with open(path, "rb") as fp:
        for k in range(1, parts):
            fp.seek(max(body_start + (size - body_start) * k // parts - 1, cuts[-1]))
            fp.readline()  # move to the start of the next line
            cuts.append(max(min(fp.tell(), size), cuts[-1]))
    cuts.append(size)
    return cuts


def _join(scans: list[Scan]) -> Scan | None:
    """Join the parts' scans in order, or None if they do not join up cleanly."""
    joined = Scan(bytearray(), [], 0, 0, 0, 0, 0)
    for scan in scans:
        if scan.count:
            if joined.notes or scan.first_seq != joined.expected or scan.entry_after_note:
                return None
            joined.leaf_hashes += scan.leaf_hashes
            joined.count += scan.count
            joined.erased += scan.erased
            joined.expected = scan.expected
        joined.notes.extend(scan.notes)
        joined.last_line = max(joined.last_line, scan.last_line)
    return joined


def _sequential(path: str, verifier_key: str, witness_keys: Sequence[str] = ()) -> VerifyReport:
    with open(path, "rb") as fp:
        return verify_export(fp, verifier_key, witness_keys)


def verify_file(
    path: str,
    verifier_key: str,
    workers: int | None = None,
    min_bytes: int = MIN_PARALLEL_BYTES,
    witness_keys: Sequence[str] = (),
) -> VerifyReport:
    """Verify the export at ``path``: same report as ``verify_export``, faster on big files.

    The calling process scans the first part itself; ``workers - 1`` child processes scan
    the rest. Raises NoteError only if ``verifier_key`` itself is not a valid key.
    """
    workers = workers or min(os.cpu_count() or 1, 8)
    size = os.path.getsize(path)
    if workers < 2 or size < min_bytes:
        return _sequential(path, verifier_key, witness_keys)
    with open(path, "rb") as fp:
        first = fp.readline()
        body_start = fp.tell()
    report, col = open_report(first or None, verifier_key)
    if report.failures or not report.origin:
        return _sequential(path, verifier_key, witness_keys)
    cuts = _boundaries(path, body_start, size, workers)
    context: Any = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        futures = [
            pool.submit(_scan_part, path, cuts[k], cuts[k + 1], report.origin)
            for k in range(1, workers)
        ]
        results = [_scan_part(path, cuts[0], cuts[1], report.origin)]
        results += [f.result() for f in futures]
    joined = _join([scan for scan, _, _ in results])
    if joined is None or any(bad for _, bad, _ in results):
        return _sequential(path, verifier_key, witness_keys)
    joined.levels = merge_levels([lv for _, _, lv in results], joined.count)
    return finish_report(report, col, verifier_key, joined, witness_keys)
