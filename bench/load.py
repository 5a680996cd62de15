"""Load: the deployment of issue 18 (two gunicorn app servers and two workers on one
PostgreSQL) with the demo scaled up, under a mixed load of pages, API reads and writes.

    .venv/bin/python bench/load.py [--projects 50] [--entries 10000] [--seconds 30]
                                   [--connections 10,50] [--database-url postgres://...]

1. Creates a fresh PostgreSQL database (dropped afterwards) and, in a subprocess, migrates
   it and builds P projects led by one person, each with N working-record entries written
   straight into the tables with bulk_create (this measures serving them, not writing them;
   the log gets real entries from the concerns raised during the run).
2. Starts two gunicorn app servers (2 sync workers each) and two `workings worker`s on
   127.0.0.1, e-mail queued in the database and written to files by the workers.
3. For each connection count C: C client processes, each sending requests back to back,
   alternating between the two app servers (as nginx would), cycling through the mix:
   the timeline, the project page, the team annex (HTML), two API lists (record items,
   concerns) and raising a concern through the API (a log append, a notice, queued e-mail),
   on a random project. Prints p50/p95/p99, requests/s and errors per kind and overall.
4. Appends per second with 8 concurrent writers raising concerns: each on its own project,
   then all on one project (every append to one log is serialised by its row lock).
The load generator is http.client in separate processes (as bench/web.py): no extra tool.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import web  # noqa: E402 - server helpers of bench/web.py

HOST = web.HOST

SETUP = r"""
import datetime as dt, json, sys
import django
django.setup()
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from workings.accounts.models import User
from workings.accounts.services import token_create
from workings.core import clock
from workings.events import keys
from workings.projects import services as ps
from workings.record.models import Decision, Feedback, Item, ItemPerson
if not keys.key_path().exists():
    keys.keys_init(name="workings.load")
def person(email, name):
    u = User.objects.create_user(email=email, password="load-password-1", display_name=name)
    EmailAddress.objects.create(user=u, email=email, verified=True, primary=True)
    return u
lead = person("lead@example.org", "Load Lead")
contributor = person("contributor@example.org", "Load Contributor")
projects, n = int(sys.argv[1]), int(sys.argv[2])
kinds = ["meeting", "feedback", "decision", "account"]
now, start = clock.now(), dt.date(2020, 1, 1)
slugs = []
for p in range(projects):
    project = ps.project_create(
        actor=lead, slug=f"load-{p}", title=f"Load project {p}", summary="For load tests.",
        start_date=dt.date(2020, 1, 1), end_date=dt.date(2030, 1, 1))
    _, token = ps.invitation_create(actor=lead, project=project, email=contributor.email,
                                    role="contributor")
    member = ps.invitation_accept(actor=contributor, token=token)
    lead_member = project.memberships.get(user=lead)
    items = Item.objects.bulk_create([
        Item(project=project, kind=kinds[i % 4], area="methods" if i % 3 else "",
             occurred_on=start + dt.timedelta(days=i % 2200), created_at=now,
             author=lead if i % 2 else contributor,
             author_membership=lead_member if i % 2 else member,
             title=f"Entry {i}: what we talked about", body=f"Summary of entry {i}.",
             is_open=kinds[i % 4] == "feedback" and i % 8 == 1,
             due_on=start + dt.timedelta(days=i % 2200 + 14) if kinds[i % 4] == "feedback"
             else None)
        for i in range(n)], batch_size=5000)
    Feedback.objects.bulk_create([Feedback(item=i) for i in items if i.kind == "feedback"],
                                 batch_size=5000)
    Decision.objects.bulk_create(
        [Decision(item=i, decided_by="Trial management group", influence="consulted",
                  promised="involved") for i in items if i.kind == "decision"],
        batch_size=5000)
    ItemPerson.objects.bulk_create(
        [ItemPerson(item=i, membership_id=i.author_membership_id) for i in items],
        batch_size=5000)
    slugs.append(project.slug)
client = Client()
client.force_login(contributor)
session = client.cookies[settings.SESSION_COOKIE_NAME].value
print(json.dumps({
    "slugs": slugs,
    "cookie": f"{settings.SESSION_COOKIE_NAME}={session}",
    "token": token_create(actor=contributor, name="load")[1],
}))
"""

KINDS = ["timeline", "project", "annex", "api_items", "api_concerns", "raise"]


def _request(kind: str, slug: str, seq: int) -> tuple[str, str, bytes | None]:
    if kind == "timeline":
        return "GET", f"/projects/{slug}/working-record/", None
    if kind == "project":
        return "GET", f"/projects/{slug}/", None
    if kind == "annex":
        return "GET", f"/projects/{slug}/reports/annex/team/", None
    if kind == "api_items":
        return "GET", f"/api/v1/projects/{slug}/record/items", None
    if kind == "api_concerns":
        return "GET", f"/api/v1/projects/{slug}/concerns", None
    body = {
        "mode": "open",
        "subject": f"Load concern {os.getpid()}-{seq}",
        "what_happened": "The papers came late.",
        "outcome_wanted": "Papers a week ahead.",
    }
    return "POST", f"/api/v1/projects/{slug}/concerns", json.dumps(body).encode()


def _client(args: tuple) -> None:  # type: ignore[type-arg]
    ports, slugs, kinds, cookie, token, until, seed, out = args
    rng = random.Random(seed)
    conns: dict[int, http.client.HTTPConnection] = {}
    results: dict[str, list[float]] = {k: [] for k in kinds}
    errors: dict[str, int] = {k: 0 for k in kinds}
    seq = seed % len(kinds)  # each client starts at another place in the mix
    while time.monotonic() < until:
        kind = kinds[seq % len(kinds)]
        port = ports[seq % len(ports)]
        method, path, body = _request(kind, rng.choice(slugs), seq)
        seq += 1
        headers = {"Host": f"{HOST}:{port}"}
        if path.startswith("/api/"):
            headers["Authorization"] = f"Bearer {token}"
            headers["Content-Type"] = "application/json"
        else:
            headers["Cookie"] = cookie
        began = time.perf_counter()
        try:
            conn = conns.get(port) or http.client.HTTPConnection(HOST, port, timeout=60)
            conns[port] = conn
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status not in (200, 201):
                errors[kind] += 1
            if response.getheader("Connection", "").lower() == "close":
                conns.pop(port).close()
        except (OSError, http.client.HTTPException):
            errors[kind] += 1
            if port in conns:
                conns.pop(port).close()
            continue
        results[kind].append(time.perf_counter() - began)
    out.put((results, errors))


def run_mix(ports, slugs, kinds, cookie, token, seconds, connections) -> dict:  # type: ignore[no-untyped-def]
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    began = time.monotonic()
    until = began + seconds
    procs = [
        ctx.Process(
            target=_client,
            args=((ports, slugs, kinds, cookie, token, until, i * 7919 + connections, out),),
        )
        for i in range(connections)
    ]
    for p in procs:
        p.start()
    gathered = [out.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - began
    rows = {}
    for kind in kinds:
        lat = [x for res, _ in gathered for x in res[kind]]
        err = sum(e[kind] for _, e in gathered)
        rows[kind] = web.summarise(kind, lat, err, elapsed) if lat else {"requests": 0}
        rows[kind]["errors"] = err
    everything = [x for res, _ in gathered for k in kinds for x in res[k]]
    rows["all"] = web.summarise("all", everything, sum(r["errors"] for r in rows.values()), elapsed)
    return rows


def _table(rows: dict) -> str:
    lines = ["| request | requests | req/s | p50 ms | p95 ms | p99 ms | errors |", "|---" * 7 + "|"]
    for kind, r in rows.items():
        if not r.get("requests"):
            lines.append(f"| {kind} | 0 | | | | | {r.get('errors', 0)} |")
            continue
        lines.append(
            f"| {kind} | {r['requests']} | {r['rps']:.1f} | {r['p50_ms']:.0f} | "
            f"{r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {r['errors']} |"
        )
    return "\n".join(lines)


def _psql(url: str, sql: str) -> None:
    base = url.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", base, "-qc", sql], check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=50)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--connections", default="10,50")
    parser.add_argument("--append-seconds", type=float, default=15)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    name = f"workings_load_{os.getpid()}"
    url = args.database_url.rsplit("/", 1)[0] + "/" + name
    var_dir = Path(tempfile.mkdtemp(prefix="workings-load-"))
    _psql(url, f"CREATE DATABASE {name}")
    env = {
        **web._env(var_dir),
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "workings.settings",
        "WORKINGS_MAIL_QUEUE": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    }
    processes: list[subprocess.Popen[bytes]] = []
    try:
        began = time.monotonic()
        built = subprocess.run(
            [str(web.VENV_BIN / "python"), "-c", SETUP, str(args.projects), str(args.entries)],
            env=env, capture_output=True, check=True, cwd=ROOT,
        )  # fmt: skip
        setup = json.loads(built.stdout.decode().strip().splitlines()[-1])
        print(f"Built {args.projects} projects x {args.entries} entries on PostgreSQL in "
              f"{time.monotonic() - began:.0f} s.")  # fmt: skip
        ports = [web._free_port(), web._free_port()]
        log = (var_dir / "servers.log").open("wb")
        for port in ports:
            processes.append(subprocess.Popen(
                [str(web.VENV_BIN / "gunicorn"), "workings.wsgi:application", "--bind",
                 f"{HOST}:{port}", "--workers", "2", "--timeout", "120"],
                env=env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True))  # fmt: skip
        for _ in range(2):
            processes.append(subprocess.Popen(
                [str(web.VENV_BIN / "workings"), "worker"],
                env=env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True))  # fmt: skip
        for port, proc in zip(ports, processes, strict=False):
            web._wait_until_up(port, proc, timeout=120)
        print(f"Two app servers (2 gunicorn workers each), two task workers, one PostgreSQL; "
              f"{os.cpu_count()} CPUs shared by the load generator too.\n")  # fmt: skip
        # Warm up each server's workers.
        run_mix(ports, setup["slugs"], KINDS, setup["cookie"], setup["token"], 3, 4)
        for connections in [int(c) for c in args.connections.split(",")]:
            rows = run_mix(
                ports, setup["slugs"], KINDS, setup["cookie"], setup["token"],
                args.seconds, connections,
            )  # fmt: skip
            print(f"### Mixed load, {connections} connections, {args.seconds:.0f} s\n")
            print(_table(rows) + "\n")
        for label, slugs in (
            ("8 writers, each on its own project", None),
            ("8 writers, all on one project", setup["slugs"][:1]),
        ):
            rates = []
            for _ in range(3):  # three short slices: report the median and the spread
                rows = run_mix(
                    ports, slugs or setup["slugs"][:8], ["raise"], setup["cookie"],
                    setup["token"], args.append_seconds / 3, 8,
                )  # fmt: skip
                rates.append(rows["raise"].get("rps", 0.0))
                assert rows["raise"]["errors"] == 0, rows
            print(f"Appends/s, {label}: median {statistics.median(rates):.1f} "
                  f"(slices {', '.join(f'{r:.1f}' for r in rates)})")  # fmt: skip
    finally:
        for proc in processes:
            web.stop_server(proc)
        shutil.rmtree(var_dir, ignore_errors=True)
        _psql(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    main()
