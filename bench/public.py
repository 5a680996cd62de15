"""Benchmark: the public page of a project with a 10,000-entry published record, and its Atom
feed, over HTTP (issue 17).

    .venv/bin/python bench/public.py [--entries 10000] [--seconds 24] [--rounds 8]

Builds a temporary SQLite database in a subprocess: the bench project (bench_project.py),
published, and a log of --entries entries written with bulk inserts (every entry, tree node
and the log's frontier exactly as append_event leaves them, as bench/ledger.py does; a
million append_event calls would measure writing, not reading). Half the entries are the
contributor's (feedback, meetings, decisions: they wait for consent), half the lead's. Then,
through the services, the contributor consents to publish each kind, keeps three entries off
the public page, and the log is signed (a checkpoint). Starts gunicorn (4 sync workers) on
127.0.0.1 and loads each URL with bench/web.py's load generator (10 connections sending
requests back to back), the URLs in short slices taken in turn, so each sees the same
background load on a shared machine. Clients are signed out, as the public is, and keep no
cookies.

The baseline is the nearly trivial view of the same server, `/.well-known/workings/log-key`.
Target (issue 17): the public page's and the feed's medians within 4x the trivial view's,
same run. Everything is removed afterwards.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import served  # noqa: E402 - build, serve and load in slices (bench/served.py)
import web  # noqa: E402 - the load generator and server helpers of bench/web.py

SETUP = r"""
import json, os, sys
sys.path.insert(0, os.environ["BENCH_DIR"])
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from django.db import transaction
from bench_project import lead_and_contributor
from workings.events import keys
from workings.events.models import Checkpoint, Entry, Log, TreeNode
from workings.ledger.checkpoint import format_checkpoint, sign_note
from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf
from workings.ledger.hashing import CompactRange, leaf_hash
from workings.projects.models import Project
from workings.publishing import services

lead, contributor, member, project = lead_and_contributor()
Project.objects.filter(pk=project.pk).update(is_published=True)
project.refresh_from_db()
n = int(sys.argv[1])
log = Log.objects.get(project=project)
frontier = bytes(log.frontier)
tree = CompactRange(log.size, [frontier[i:i + 32] for i in range(0, len(frontier), 32)])
salt = bytes(32)
kinds = ["record.feedback_given", "record.meeting_recorded", "record.decision_recorded",
         "project.updated"]
entries, nodes = [], []
for seq in range(log.size, n):
    kind = kinds[seq % 4]
    actor = contributor if seq % 2 else lead
    leaf = encode_leaf(LeafHeader(
        v=1, origin=log.origin, seq=seq, type=kind, time="2026-11-28T10:00:00Z",
        actor=f"user:{actor.pk}", content_commitment=content_commitment(salt, {"n": seq})))
    new = tree.append(leaf_hash(leaf))
    entries.append(Entry(log=log, seq=seq, type=kind, actor=actor, leaf=leaf,
                         leaf_hash=new[0].hash))
    nodes.extend(TreeNode(log=log, level=x.level, index=x.index, hash=x.hash) for x in new)
with transaction.atomic():
    Entry.objects.bulk_create(entries, batch_size=5000)
    TreeNode.objects.bulk_create(nodes, batch_size=5000)
    log.size = tree.size
    log.root = tree.root()
    log.frontier = b"".join(tree.hashes)
    log.save(update_fields=["size", "root", "frontier"])
for kind in kinds[:3]:
    services.consent_set(actor=contributor, project=project, type_name=kind, publish=True)
for seq in (n - 1, n - 51, n - 501):  # odd: the contributor's
    services.entry_consent_set(actor=contributor, project=project, seq=seq, publish=False)
log.refresh_from_db()
text = format_checkpoint(log.origin, log.size, bytes(log.root))
if not Checkpoint.objects.filter(log=log, size=log.size).exists():
    Checkpoint.objects.create(log=log, size=log.size, root=log.root,
                              note=sign_note(text, keys.signer_key()))
print(json.dumps({"entries": Entry.objects.filter(log=log).count()}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=24.0, help="per URL, in all")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=8, help="alternating slices per URL")
    args = parser.parse_args()
    args.seconds = min(args.seconds, 120.0)  # bounded duration

    var_dir = Path(tempfile.mkdtemp(prefix="wk-bench-public-"))
    env = {**web._env(var_dir), "BENCH_DIR": str(ROOT / "bench")}
    server = None
    try:
        t0 = time.monotonic()
        info = served.build(SETUP, env, str(args.entries))
        if info is None:
            return 1
        took = time.monotonic() - t0
        print(f"Built a published record of {info['entries']:,} entries in {took:.1f} s")
        server, port = served.start_server(var_dir, env, args.workers)
        urls = {
            "public page, newest 50": ("/projects/bench/public/", ""),
            "Atom feed, newest 50": ("/projects/bench/public/feed.atom", ""),
            served.TRIVIAL: ("/.well-known/workings/log-key", ""),
            "context: public page, older entries": ("/projects/bench/public/?before=5000", ""),
        }
        slices = served.load_in_slices(port, urls, args.seconds, args.rounds, args.connections)
    finally:
        web.stop_server(server)
        shutil.rmtree(var_dir, ignore_errors=True)

    served.print_table(
        slices,
        f"gunicorn, {args.workers} sync workers; {args.connections} connections; "
        f"{args.seconds:.0f} s per URL in {args.rounds} alternating slices; SQLite; signed out",
    )
    ok = served.within(slices, list(urls)[:2])
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
