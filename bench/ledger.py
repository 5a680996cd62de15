"""Benchmark the Django side of the ledger on a fresh SQLite database (not a test).

    .venv/bin/python bench/ledger.py [--quick]

1. The 1,000th vs the 100,000th append through ``append_event`` (ratio must be <= 1.5):
   each append is one transaction with its tree nodes and its own signed checkpoint.
2. Appends per second, ours vs ``pymerkle.SqliteTree`` (its defaults), same machine, same run.
3. Inclusion and consistency proof medians in a 1,000,000-entry log. That log's rows are
   built with bulk inserts from the pure CompactRange (a million append_event calls would
   take the better part of an hour and measure nothing new): the same Entry and TreeNode
   rows append_event writes, content rows left out (proofs never read them).
4. The verify throughput ratio (``bench/ledger_core.py``: verify_file on 2 processes vs
   plain hashlib.sha256 over the same export bytes).

``--quick`` shrinks every size (10,000 appends, a 100,000-entry log) for a smoke run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


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


def bench_appends(n: int) -> tuple[float, float, float, float, float]:
    """Median append time (wall, CPU) around the 1,000th and the n-th append, appends/s.

    Wall time includes the fsync of every commit and whatever else the machine is doing;
    CPU time is this process's own work, the better view of O(log n) vs O(n)."""
    project = _project("Append bench")
    times: list[float] = []
    cpu: list[float] = []
    t0 = time.perf_counter()
    for i in range(n):
        wall, used = _append(project, i)
        times.append(wall)
        cpu.append(used)
        if (i + 1) % 10_000 == 0:
            print(f"  {i + 1:,} appends, {time.perf_counter() - t0:.0f} s", flush=True)
    total = time.perf_counter() - t0
    early = statistics.median(times[900:1100])
    late = statistics.median(times[-200:])
    return early, late, statistics.median(cpu[900:1100]), statistics.median(cpu[-200:]), n / total


def bench_pymerkle(n: int, tmp: str) -> float:
    from pymerkle import SqliteTree

    tree = SqliteTree(os.path.join(tmp, "pymerkle.sqlite3"))
    t0 = time.perf_counter()
    for i in range(n):
        tree.append_entry(f"Steering group {i % 97}: agreed, see minutes. {i}".encode())
    elapsed = time.perf_counter() - t0
    tree.close()
    return n / elapsed


def build_big_log(n: int) -> object:
    """A log of n entries written with bulk inserts: Entry + every TreeNode + Log + one
    checkpoint, exactly as append_event would leave them."""
    from django.db import transaction

    from workings.events import keys
    from workings.events.models import Checkpoint, Entry, Log, TreeNode
    from workings.ledger.checkpoint import format_checkpoint, sign_note
    from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf
    from workings.ledger.hashing import CompactRange, leaf_hash

    project = _project("Proof bench")
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


def bench_verify(entries: int) -> str:
    done = subprocess.run(
        [sys.executable, str(HERE / "ledger_core.py"), "--entries", str(entries), "--repeat", "2"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    appends = 10_000 if args.quick else 100_000
    big = 100_000 if args.quick else 1_000_000
    verify_n = 100_000 if args.quick else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        _setup_env(tmp)
        print("pymerkle SqliteTree, 2,000 appends ...", flush=True)
        theirs = bench_pymerkle(2000, tmp)
        print(f"append_event, {appends:,} appends ...", flush=True)
        early, late, early_cpu, late_cpu, ours = bench_appends(appends)
        print(f"building a {big:,}-entry log with bulk inserts ...", flush=True)
        project = build_big_log(big)
        inc, con = bench_proofs(project, big)
    print(f"verify of a {verify_n:,}-entry export ...", flush=True)
    verify = bench_verify(verify_n)
    print()
    print(f"load average at the end:     {os.getloadavg()[0]:.1f} (2 cores)")
    print(f"append #1,000 median:        {early * 1e3:7.2f} ms wall, {early_cpu * 1e3:.2f} ms CPU")
    print(
        f"append #{appends:,} median:      {late * 1e3:7.2f} ms wall, {late_cpu * 1e3:.2f} ms CPU; "
        f"ratio {late / early:.2f} wall, {late_cpu / early_cpu:.2f} CPU (<= 1.5)"
    )
    print(f"append_event appends/s:      {ours:9,.0f}  (transaction + nodes + signed checkpoint)")
    print(
        f"pymerkle SqliteTree appends/s: {theirs:7,.0f}  "
        f"ratio ours/theirs {ours / theirs:.2f} (>= 1)"
    )
    print(f"inclusion proof median ({big:,}):   {inc * 1e3:6.3f} ms (<= 2)")
    print(f"consistency proof median ({big:,}): {con * 1e3:6.3f} ms (<= 2)")
    print(verify.rstrip())


if __name__ == "__main__":
    main()
