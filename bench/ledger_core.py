"""Benchmark: verifying an export vs. plain hashlib.sha256 over the same lines.

    .venv/bin/python bench/ledger_core.py [--entries N] [--every K] [--workers W]

Builds an export in a temporary directory (realistic ~150-byte contents, a signed
checkpoint every K entries), then times (a) one hashlib.sha256 call per export line and
(b) ``verify_export`` over the same file in one process and (c) ``verify_file`` with W
processes (the CLI's path), and prints the throughputs and their ratios.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator

from workings.ledger.checkpoint import format_checkpoint, generate_signer, sign_note
from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf, make_salt
from workings.ledger.hashing import CompactRange, leaf_hash
from workings.verifier.export import ExportEntry, write_export
from workings.verifier.parallel import verify_file
from workings.verifier.verify import verify_export

ORIGIN = "workings.example/projects/bench"
TYPES = ["feedback.given", "decision.recorded", "meeting.held", "concern.raised"]


def build(path: str, n: int, every: int) -> tuple[str, int]:
    skey, vkey = generate_signer(ORIGIN)
    tree = CompactRange()
    notes: list[str] = []

    def entries() -> Iterator[ExportEntry]:
        for seq in range(n):
            content = {
                "title": f"Steering group meeting {seq % 97}",
                "text": "Contributors asked for plain-English leaflets; agreed, see minutes.",
                "by": f"member-{seq % 13}",
                "n": seq,
            }
            salt = make_salt()
            header = LeafHeader(
                v=1,
                origin=ORIGIN,
                seq=seq,
                type=TYPES[seq % 4],
                time="2026-11-28T10:00:00Z",
                actor=f"m:{seq % 13}",
                content_commitment=content_commitment(salt, content),
            )
            leaf = encode_leaf(header)
            tree.append(leaf_hash(leaf))
            if tree.size % every == 0 or tree.size == n:
                notes.append(sign_note(format_checkpoint(ORIGIN, tree.size, tree.root()), skey))
            yield ExportEntry(seq, leaf, content, salt)

    with open(path, "w", encoding="utf-8") as fp:
        write_export(fp, ORIGIN, vkey, entries(), notes)
    return vkey, len(notes)


def baseline(path: str) -> float:
    sha = hashlib.sha256
    t0 = time.perf_counter()
    with open(path, "rb") as fp:
        for line in fp:
            sha(line).digest()
    return time.perf_counter() - t0


def run_verify(path: str, vkey: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    with open(path, "rb") as fp:
        report = verify_export(fp, vkey)
    elapsed = time.perf_counter() - t0
    if not report.ok:
        raise SystemExit("verification unexpectedly failed:\n" + report.summary())
    return elapsed, report.entries


def run_verify_file(path: str, vkey: str, workers: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    report = verify_file(path, vkey, workers=workers)
    elapsed = time.perf_counter() - t0
    if not report.ok:
        raise SystemExit("verification unexpectedly failed:\n" + report.summary())
    return elapsed, report.entries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "export.jsonl")
        t0 = time.perf_counter()
        vkey, n_cp = build(path, args.entries, args.every)
        size = os.path.getsize(path)
        print(
            f"built {args.entries:,} entries, {n_cp:,} checkpoints, {size / 1e6:.1f} MB "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        base = min(baseline(path) for _ in range(args.repeat))
        ver, n = min(run_verify(path, vkey) for _ in range(args.repeat))
        mb = size / 1e6
        print(f"baseline sha256 per line: {mb / base:8.1f} MB/s  {n / base:12,.0f} entries/s")
        print(f"verify_export:            {mb / ver:8.1f} MB/s  {n / ver:12,.0f} entries/s")
        print(f"ratio verify/baseline:    {base / ver:.1%}  (one process)")
        par, _ = min(run_verify_file(path, vkey, args.workers) for _ in range(args.repeat))
        print(
            f"verify_file, {args.workers} processes: {mb / par:6.1f} MB/s  "
            f"{n / par:12,.0f} entries/s"
        )
        print(f"ratio verify_file/baseline: {base / par:.1%}  ({args.workers} processes)")


if __name__ == "__main__":
    main()
