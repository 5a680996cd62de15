"""Benchmark: the plans page and an audit run over HTTP (issue 14).

    .venv/bin/python bench/plans.py [--seconds 24] [--connections 10] [--rounds 8] [--runs 7]

Builds a temporary SQLite database in a subprocess: the bench project (bench_project.py)
with 200 milestones (half research, half involvement, every other involvement milestone
tied to a research one) and 100 training entries made through the services, and 20,000
record entries (feedback, decisions and meetings, written with bulk inserts: only their
number matters to the audit's queries). It times the audit's figures in that process (the
computation alone, with its query count), then starts gunicorn (4 sync workers) and:

- loads the plans page and the trivial view `/.well-known/workings/log-key` in short
  slices taken in turn (bench/web.py's load generator, 10 connections), so both see the
  same background load. Target: the plans page's median within 4x the trivial view's;
- asks for an audit over the API `--runs` times (POST /api/v1/projects/bench/audits with a
  personal access token), one request at a time, each followed by a trivial-view request
  for comparison; between runs the audit is marked signed straight in the database so the
  next can open. Target: under 5 s each.
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import served  # noqa: E402 - build, serve and load in slices (bench/served.py)
import web  # noqa: E402 - the load generator and server helpers of bench/web.py

SETUP = r"""
import datetime as dt, json, os, statistics, sys, time
sys.path.insert(0, os.environ["BENCH_DIR"])
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from bench_project import lead_and_contributor
from workings.accounts.services import token_create
from workings.audits import figures
from workings.core.clock import now
from workings.plans import services
from workings.record.models import Decision, Feedback, Item, Meeting

lead, contributor, member, project = lead_and_contributor()
owner = project.memberships.get(user=lead).pk
research = []
for i in range(100):
    research.append(services.milestone_add(
        actor=lead, project=project, kind="research", title=f"Research step {i}",
        due_on=dt.date(2020, 2, 1) + dt.timedelta(days=18 * i), owner=owner))
for i in range(100):
    services.milestone_add(
        actor=lead, project=project, kind="involvement", title=f"Involvement step {i}",
        due_on=dt.date(2020, 1, 25) + dt.timedelta(days=18 * i), owner=member.pk,
        tied_to=research[i].pk if i % 2 == 0 else None)
for i in range(100):
    services.training_log(actor=lead, project=project, person=member.pk, kind="training",
        what=f"Session {i}", given_on=dt.date(2021, 1, 1) + dt.timedelta(days=i),
        given_by="A trainer", hours="2")
made = now()
kinds = ("feedback", "decision", "meeting")
with transaction.atomic():
    items = Item.objects.bulk_create(
        Item(project=project, kind=kinds[i % 3], area="recruitment",
             occurred_on=dt.date(2020, 1, 1) + dt.timedelta(days=i % 1800),
             due_on=dt.date(2020, 1, 15) + dt.timedelta(days=i % 1800), created_at=made,
             author=contributor, author_membership=member, title=f"Entry {i}")
        for i in range(20000))
    Feedback.objects.bulk_create(Feedback(item=i) for i in items if i.kind == "feedback")
    Decision.objects.bulk_create(
        Decision(item=i, decided_by="Group", influence="consulted", promised="involved")
        for i in items if i.kind == "decision")
    Meeting.objects.bulk_create(
        Meeting(item=i, activity="meeting", hours="2") for i in items if i.kind == "meeting")
times = []
for _ in range(5):
    t0 = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        figures.compute(project, dt.date(2025, 6, 1))
    times.append(time.perf_counter() - t0)

client = Client()
client.force_login(contributor)
assert client.get("/projects/bench/plans/").status_code == 200
cookie = "; ".join(f"{n}={m.value}" for n, m in client.cookies.items())
_token, raw = token_create(actor=contributor, name="bench")
print(json.dumps({
    "compute_s": times, "queries": len(ctx.captured_queries), "cookie": cookie,
    "token": raw, "db": str(connection.settings_dict["NAME"]),
}))
"""


def _post(port: int, path: str, token: str) -> tuple[float, int]:
    conn = http.client.HTTPConnection(web.HOST, port, timeout=120)
    t0 = time.perf_counter()
    conn.request("POST", path, body=b"", headers={"Authorization": f"Bearer {token}"})
    response = conn.getresponse()
    response.read()
    conn.close()
    return time.perf_counter() - t0, response.status


def _get(port: int, path: str) -> float:
    conn = http.client.HTTPConnection(web.HOST, port, timeout=60)
    t0 = time.perf_counter()
    conn.request("GET", path)
    conn.getresponse().read()
    conn.close()
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=24.0, help="per URL, in all")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=8, help="alternating slices per URL")
    parser.add_argument("--runs", type=int, default=7, help="audits asked for over HTTP")
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="wk-bench-plans-"))
    env = {
        **web._env(var_dir),
        "BENCH_DIR": str(ROOT / "bench"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    }
    server = None
    try:
        t0 = time.monotonic()
        info = served.build(SETUP, env)
        if info is None:
            return 1
        print(f"Built the bench project in {time.monotonic() - t0:.1f} s")
        server, port = served.start_server(var_dir, env, args.workers)
        urls = {
            "plans page, 200 milestones": ("/projects/bench/plans/", info["cookie"]),
            served.TRIVIAL: ("/.well-known/workings/log-key", info["cookie"]),
        }
        slices = served.load_in_slices(port, urls, args.seconds, args.rounds, args.connections)
        audit_s: list[float] = []
        trivial_s: list[float] = []
        statuses = []
        for _ in range(args.runs):
            took, status = _post(port, "/api/v1/projects/bench/audits", info["token"])
            audit_s.append(took)
            statuses.append(status)
            trivial_s.append(_get(port, urls[served.TRIVIAL][0]))
            with sqlite3.connect(info["db"], timeout=30) as db:
                db.execute("UPDATE audits_audit SET status = 'signed'")
    finally:
        web.stop_server(server)
        shutil.rmtree(var_dir, ignore_errors=True)

    compute = info["compute_s"]
    print(
        f"Audit figures over 20,000 entries, in process: median {statistics.median(compute):.3f} s "
        f"(min {min(compute):.3f}, max {max(compute):.3f}; the first run is cold)"
    )
    print(
        f"Audit asked for over HTTP ({args.runs} runs): median {statistics.median(audit_s):.3f} s "
        f"(min {min(audit_s):.3f}, max {max(audit_s):.3f}); statuses {sorted(set(statuses))}; "
        f"trivial view between runs: median {statistics.median(trivial_s) * 1000:.1f} ms"
    )
    served.print_table(
        slices,
        f"gunicorn, {args.workers} sync workers; {args.connections} connections; "
        f"{args.seconds:.0f} s per URL in {args.rounds} alternating slices; SQLite",
        width=30,
    )
    pages_ok = served.within(slices, ["plans page, 200 milestones"])
    ok = pages_ok and max(audit_s) < 5 and set(statuses) == {201}
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
