"""Benchmark the Django side of the ledger (not a test).

    .venv/bin/python bench/ledger.py [--quick] [--rounds R] [--seconds S]

1. Appends per second, ``append_event`` vs ``pymerkle.SqliteTree`` (its defaults), in short
   alternating slices (R rounds of about S seconds per side, bench/interleave.py), twice:
   on the disk (each side with its own durability settings: ours WAL with synchronous=FULL,
   pymerkle's a rollback journal with synchronous=FULL) and, where there is one, on a memory
   file system (/dev/shm), where syncing costs nothing and only CPU counts. Each storage runs
   in its own process (``--compare DIR``, JSON out), so each has its own fresh database.
   Reported: each side's median slice with its p10-p90 spread, CPU per append, and the ratio
   ours/theirs taken round by round.
2. Appends to a log of ~1,000 entries vs one of N (the proofs' log), interleaved: the
   CPU-time ratio per round must be <= 1.5 (each append is one transaction with its tree
   nodes and its own signed checkpoint, O(log n)).
3. Inclusion and consistency proof medians in a 1,000,000-entry log. That log's rows are
   built with bulk inserts from the pure CompactRange (a million append_event calls would
   take the better part of an hour and measure nothing new): the same Entry and TreeNode
   rows append_event writes, content rows left out (proofs never read them).
4. The verifier against plain hashlib.sha256 (``bench/ledger_core.py``, interleaved too).

``--quick`` shrinks every size (a 100,000-entry log, a 20,000-entry export, fewer rounds).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# A memory file system: syncing costs nothing there. Only ever used through
# tempfile.TemporaryDirectory(dir=...), a fresh private folder.
MEMORY_FS = "/dev/shm"  # noqa: S108
sys.path.insert(0, str(HERE))
from interleave import interleave, ratios, spread, timed_loop  # noqa: E402


def _setup_env(tmp: str) -> None:
    os.environ.pop("DATABASE_URL", None)
    os.environ["WORKINGS_VAR_DIR"] = os.path.join(tmp, "var")
    os.environ["WORKINGS_SQLITE_PATH"] = os.path.join(tmp, "bench.sqlite3")
    os.environ["WORKINGS_SIGNING_KEY_FILE"] = os.path.join(tmp, "var", "keys", "bench.key")
    os.environ["DJANGO_SETTINGS_MODULE"] = "workings.settings"
    subprocess.run(
        [sys.executable, "-m", "workings.cli", "migrate", "--noinput", "-v", "0"], check=True
    )
    import django

    django.setup()
    from workings.events import keys

    keys.keys_init(name="bench.example")


def _project(title: str) -> object:
    import datetime as dt

    from workings.accounts.models import User
    from workings.projects.services import project_create

    user = User.objects.filter(email="bench@example.org").first() or User.objects.create_user(
        email="bench@example.org", password="x" * 12
    )
    return project_create(
        actor=user,
        title=title,
        summary="Benchmark.",
        start_date=dt.date(2026, 1, 1),
        end_date=dt.date(2027, 1, 1),
    )


def _append(project: object, i: int) -> tuple[float, float]:
    from django.db import transaction

    from workings.events.services import append_event

    c0 = time.process_time()
    t0 = time.perf_counter()
    with transaction.atomic():
        append_event(
            project=project,
            type="project.updated",
            actor=None,
            content={"title": f"Steering group {i % 97}", "text": "Agreed, see minutes.", "n": i},
        )
    return time.perf_counter() - t0, time.process_time() - c0


def _pymerkle_entry(i: int) -> bytes:
    return f"Steering group {i % 97}: agreed, see minutes. {i}".encode()


def compare_appends(tmp: str, rounds: int, seconds: float) -> dict:
    """append_event vs pymerkle's SqliteTree, both writing under `tmp`, interleaved."""
    from pymerkle import SqliteTree

    _setup_env(tmp)
    project = _project("Append comparison")
    tree = SqliteTree(os.path.join(tmp, "pymerkle.sqlite3"))
    sides = {
        "append_event": timed_loop(lambda i: _append(project, i)),
        "pymerkle": timed_loop(lambda i: tree.append_entry(_pymerkle_entry(i))),
    }
    for side in sides.values():
        side(1.0)  # warm up: first pages, caches, the signing key
    res = interleave(sides, rounds=rounds, seconds=seconds)
    tree.close()
    out: dict = {"rounds": rounds, "seconds": seconds, "load_end": os.getloadavg()[0]}
    for name, side in res.items():
        out[name] = {
            "rates": side.rates,
            "rate": spread(side.rates).__dict__,
            "cpu_ms": spread([c * 1e3 for c in side.cpu_per_unit]).__dict__,
        }
    out["ratio"] = ratios(res["append_event"], res["pymerkle"]).__dict__
    return out


def run_compare(where: str, rounds: int, seconds: float) -> dict:
    with tempfile.TemporaryDirectory(dir=where) as tmp:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--compare",
                tmp,
                "--rounds",
                str(rounds),
                "--seconds",
                str(seconds),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _show_compare(label: str, out: dict) -> None:
    a, p, r = out["append_event"], out["pymerkle"], out["ratio"]
    print(
        f"{label}: {out['rounds']} rounds of ~{out['seconds']:g} s per side, "
        f"load average at the end {out['load_end']:.1f}"
    )
    for name, side in (("append_event", a), ("pymerkle", p)):
        rate, cpu = side["rate"], side["cpu_ms"]
        print(
            f"  {name:13} {rate['median']:8,.0f} appends/s (p10-p90 {rate['p10']:,.0f}-"
            f"{rate['p90']:,.0f}); CPU {cpu['median']:.3f} ms/append "
            f"(p10-p90 {cpu['p10']:.3f}-{cpu['p90']:.3f})"
        )
    print(
        f"  ours/theirs per round: {r['median']:.2f} (p10-p90 {r['p10']:.2f}-{r['p90']:.2f}) (>= 1)"
    )


def bench_growth(large: object, size: int, rounds: int, seconds: float) -> dict:
    """CPU per append at size ~1,000 vs at `size`, interleaved: two logs built with bulk
    inserts, then appended to through append_event in alternating slices."""
    small = build_big_log(1000, title="Growth bench")
    res = interleave(
        {
            "small": timed_loop(lambda i: _append(small, i)),
            "large": timed_loop(lambda i: _append(large, i)),
        },
        rounds=rounds,
        seconds=seconds,
    )
    s, g = res["small"], res["large"]
    return {
        "small_cpu_ms": spread([c * 1e3 for c in s.cpu_per_unit]),
        "large_cpu_ms": spread([c * 1e3 for c in g.cpu_per_unit]),
        "cpu_ratio": spread([b / a for a, b in zip(s.cpu_per_unit, g.cpu_per_unit, strict=True)]),
        "wall_ratio": ratios(s, g),  # small/large rates = large/small time per append
    }


def build_big_log(n: int, title: str = "Proof bench") -> object:
    """A log of n entries written with bulk inserts: Entry + every TreeNode + Log + one
    checkpoint, exactly as append_event would leave them."""
    from django.db import transaction

    from workings.events import keys
    from workings.events.models import Checkpoint, Entry, Log, TreeNode
    from workings.ledger.checkpoint import format_checkpoint, sign_note
    from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf
    from workings.ledger.hashing import CompactRange, leaf_hash

    project = _project(title)
    log = Log.objects.get(project=project)
    tree = CompactRange(
        log.size, [bytes(log.frontier[i : i + 32]) for i in range(0, len(log.frontier), 32)]
    )
    salt = bytes(32)
    entries: list[Entry] = []
    nodes: list[TreeNode] = []
    t0 = time.perf_counter()
    for seq in range(log.size, n):
        leaf = encode_leaf(
            LeafHeader(
                v=1,
                origin=log.origin,
                seq=seq,
                type="project.updated",
                time="2026-11-28T10:00:00Z",
                actor=None,
                content_commitment=content_commitment(salt, {"n": seq}),
            )
        )
        new = tree.append(leaf_hash(leaf))
        entries.append(
            Entry(log=log, seq=seq, type="project.updated", leaf=leaf, leaf_hash=new[0].hash)
        )
        nodes.extend(TreeNode(log=log, level=x.level, index=x.index, hash=x.hash) for x in new)
        if len(entries) >= 20_000 or seq == n - 1:
            with transaction.atomic():
                Entry.objects.bulk_create(entries, batch_size=5000)
                TreeNode.objects.bulk_create(nodes, batch_size=5000)
            entries, nodes = [], []
            if (seq + 1) % 200_000 == 0:
                print(f"  {seq + 1:,} entries built, {time.perf_counter() - t0:.0f} s", flush=True)
    with transaction.atomic():
        log.size = tree.size
        log.root = tree.root()
        log.frontier = b"".join(tree.hashes)
        log.save(update_fields=["size", "root", "frontier"])
        text = format_checkpoint(log.origin, log.size, bytes(log.root))
        Checkpoint.objects.create(
            log=log, size=log.size, root=log.root, note=sign_note(text, keys.signer_key())
        )
    return project


def bench_proofs(project: object, n: int, samples: int = 300) -> tuple[float, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from workings.events import selectors
    from workings.events.models import Log
    from workings.ledger.merkle import verify_consistency, verify_inclusion

    log = Log.objects.get(project=project)
    root = bytes(log.root)
    rng = random.Random(1)
    inc: list[float] = []
    con: list[float] = []
    old_roots = {}
    for _ in range(samples):
        index = rng.randrange(n)
        t0 = time.perf_counter()
        leaf_hash, proof = selectors.inclusion_proof(project=project, index=index, tree_size=n)
        inc.append(time.perf_counter() - t0)
        assert verify_inclusion(leaf_hash, index, n, proof, root)
    for _ in range(samples):
        first = rng.randrange(1, n)
        t0 = time.perf_counter()
        proof = selectors.consistency_proof(project=project, first=first, second=n)
        con.append(time.perf_counter() - t0)
        old_roots[first] = proof
    with CaptureQueriesContext(connection) as ctx:
        selectors.consistency_proof(project=project, first=n // 3, second=n)
    assert len(ctx.captured_queries) <= 2, ctx.captured_queries
    # Check a few consistency proofs against roots recomputed from the stored nodes.
    from workings.events.models import TreeNode
    from workings.ledger.hashing import range_hash
    from workings.ledger.merkle import perfect_nodes

    for first in list(old_roots)[:5]:
        want = perfect_nodes(0, first)
        got = {
            (t.level, t.index): bytes(t.hash)
            for t in TreeNode.objects.filter(log=log, level__in=[lv for lv, _ in want])
            if (t.level, t.index) in set(want)
        }
        old_root = range_hash([got[x] for x in want])
        assert verify_consistency(first, n, old_roots[first], old_root, root)
    return statistics.median(inc), statistics.median(con)


def bench_verify(entries: int, rounds: int, seconds: float) -> str:
    done = subprocess.run(
        [
            sys.executable,
            str(HERE / "ledger_core.py"),
            "--entries",
            str(entries),
            "--rounds",
            str(rounds),
            "--seconds",
            str(seconds),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--compare", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=["appends", "growth", "proofs", "verify"])
    args = parser.parse_args()
    rounds = args.rounds or (4 if args.quick else 8)
    if args.compare:  # the child process of part 1
        print(json.dumps(compare_appends(args.compare, rounds, args.seconds)))
        return
    big = 100_000 if args.quick else 1_000_000
    verify_n = 20_000 if args.quick else 100_000
    want = {args.only} if args.only else {"appends", "growth", "proofs", "verify"}
    if "appends" in want:
        print("append_event vs pymerkle, interleaved ...", flush=True)
        _show_compare("on disk", run_compare(tempfile.gettempdir(), rounds, args.seconds))
        if os.path.isdir(MEMORY_FS):
            _show_compare(f"in memory ({MEMORY_FS})", run_compare(MEMORY_FS, rounds, args.seconds))
    if want & {"growth", "proofs"}:
        with tempfile.TemporaryDirectory() as tmp:
            _setup_env(tmp)
            print(f"building a {big:,}-entry log with bulk inserts ...", flush=True)
            project = build_big_log(big)
            if "proofs" in want:
                inc, con = bench_proofs(project, big)
                print(f"inclusion proof median ({big:,}):   {inc * 1e3:6.3f} ms (<= 2)")
                print(f"consistency proof median ({big:,}): {con * 1e3:6.3f} ms (<= 2)")
            if "growth" in want:
                print("append_event at 1,000 vs at that size, interleaved ...", flush=True)
                g = bench_growth(project, big, rounds, args.seconds)
                print(f"  CPU per append at ~1,000:     {g['small_cpu_ms']} ms")
                print(f"  CPU per append at ~{big:,}: {g['large_cpu_ms']} ms")
                print(
                    f"  ratio large/small per round: CPU {g['cpu_ratio']}, "
                    f"wall {g['wall_ratio']} (<= 1.5)"
                )
    if "verify" in want:
        print("verifier vs sha256, interleaved ...", flush=True)
        print(bench_verify(verify_n, rounds, args.seconds + 1).rstrip())
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores)")


if __name__ == "__main__":
    main()
