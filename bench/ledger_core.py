"""Benchmark: verifying an export vs. plain hashlib.sha256 over the same lines.

    .venv/bin/python bench/ledger_core.py [--entries N] [--every K] [--workers W]
                                          [--rounds R] [--seconds S] [--json]

Builds an export in a temporary directory (realistic ~150-byte contents, a signed
checkpoint every K entries), then runs, in short alternating slices (R rounds of about S
seconds per side, bench/interleave.py): (a) one hashlib.sha256 call per export line,
(b) ``verify_export`` over the same file in one process, (c) ``verify_file`` with W
processes (the CLI's path). Each slice repeats whole passes over the file until its time
is up. Prints each side's MB/s as the median slice with its p10-p90 spread, and the ratios
to the baseline taken round by round (slices seconds apart, so load drift cancels).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from workings.ledger.checkpoint import format_checkpoint, generate_signer, sign_note
from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf, make_salt
from workings.ledger.hashing import CompactRange, leaf_hash
from workings.verifier.export import ExportEntry, write_export
from workings.verifier.parallel import verify_file
from workings.verifier.verify import verify_export

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interleave import interleave, ratios, spread  # noqa: E402

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


def passes(run: Callable[[], object], size: int) -> Callable[[float], tuple[int, float, float]]:
    """A slice: whole passes over the file until `seconds` are up; units are bytes."""

    def go(seconds: float) -> tuple[int, float, float]:
        done = 0
        c0 = time.process_time()
        t0 = time.perf_counter()
        while True:
            run()
            done += size
            if time.perf_counter() - t0 >= seconds:
                break
        return done, time.perf_counter() - t0, time.process_time() - c0

    return go


def measure(path: str, vkey: str, *, rounds: int, seconds: float, workers: int) -> dict:
    size = os.path.getsize(path)
    sides = {
        "sha256": passes(lambda: baseline(path), size),
        "verify_export": passes(lambda: run_verify(path, vkey), size),
        f"verify_file_{workers}": passes(lambda: run_verify_file(path, vkey, workers), size),
    }
    for side in sides.values():
        side(0)  # one warm pass each (page cache, imports, worker start-up code)
    res = interleave(sides, rounds=rounds, seconds=seconds)
    base = res["sha256"]
    out = {"bytes": size, "rounds": rounds, "seconds": seconds, "sides": {}}
    for name, side in res.items():
        out["sides"][name] = {
            "mb_s": [r / 1e6 for r in side.rates],
            "median": spread([r / 1e6 for r in side.rates]).__dict__,
            "ratio": ratios(side, base).__dict__,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "export.jsonl")
        t0 = time.perf_counter()
        vkey, n_cp = build(path, args.entries, args.every)
        size = os.path.getsize(path)
        print(
            f"built {args.entries:,} entries, {n_cp:,} checkpoints, {size / 1e6:.1f} MB "
            f"in {time.perf_counter() - t0:.1f} s",
            file=sys.stderr,
        )
        out = measure(path, vkey, rounds=args.rounds, seconds=args.seconds, workers=args.workers)
    out["entries"] = args.entries
    out["load_end"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(out))
        return
    print(
        f"{args.entries:,}-entry export, {size / 1e6:.1f} MB; {args.rounds} rounds of "
        f"~{args.seconds:g} s per side, alternating; load average at the end {out['load_end']:.1f}"
    )
    for name, side in out["sides"].items():
        m, r = side["median"], side["ratio"]
        print(
            f"{name:16} {m['median']:8.1f} MB/s (p10-p90 {m['p10']:.1f}-{m['p90']:.1f})"
            f"   / sha256 per round: {r['median']:.1%} (p10-p90 {r['p10']:.1%}-{r['p90']:.1%})"
        )


if __name__ == "__main__":
    main()
