"""Benchmark: the funder's portfolio page over HTTP (issue 13).

    .venv/bin/python bench/portfolio.py [--projects 200] [--concerns 10] [--entries 0]
                                        [--seconds 24]

Builds a temporary SQLite database in a subprocess: one funder organisation that funds
``--projects`` projects, each with a lead, a contributor (joined through the real
invitation) and ``--concerns`` open concerns raised through the services (so every project's
log holds a few dozen entries), and ``--entries`` working-record entries per project written
straight into the tables with bulk_create as bench/web.py does (this measures reading; a
quarter of them feedback, some of it open and overdue, which the portfolio counts). Then
starts gunicorn (4 sync workers) on 127.0.0.1 and loads
the portfolio page, its CSV and its API with the load generator of bench/web.py, each URL
in short slices taken in turn against the nearly trivial view of the same server
(`/.well-known/workings/log-key`), so every URL sees the same background load.

Target (issue 13): the page's p95 within 4x the trivial view's, same run, with 200 projects
of 10,000 entries each (``--entries 10000``); the CSV and the API are held to the same bar
since they share the page's kept rows. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import served  # noqa: E402 - start gunicorn (bench/served.py)
import web  # noqa: E402 - the load generator and server helpers of bench/web.py

SETUP = r"""
import datetime as dt, json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from allauth.account.models import EmailAddress
from django.test import Client
from workings.accounts.models import User
from workings.concerns import services as cs
from workings.core import clock
from workings.events import keys
from workings.funders import services as fs
from workings.projects import services as ps
from workings.record.models import Decision, Feedback, Item, ItemPerson

if not keys.key_path().exists():
    keys.keys_init(name="workings.bench")
projects, concerns = int(os.environ["BENCH_PROJECTS"]), int(os.environ["BENCH_CONCERNS"])
entries = int(os.environ.get("BENCH_ENTRIES", "0"))

def person(email, name):
    u = User.objects.create_user(email=email, password="bench-password-1", display_name=name)
    EmailAddress.objects.create(user=u, email=email, verified=True, primary=True)
    return u

def bulk_entries(project, lead_member, member, n):
    # As bench/web.py: n record entries straight into the tables (reading is measured).
    kinds = ["meeting", "feedback", "decision", "account"]
    now, start = clock.now(), dt.date(2020, 1, 1)
    items = Item.objects.bulk_create([
        Item(project=project, kind=kinds[i % 4], area="methods" if i % 3 else "",
             occurred_on=start + dt.timedelta(days=i % 2200), created_at=now,
             author=lead if i % 2 else contributor,
             author_membership=lead_member if i % 2 else member,
             title=f"Entry {i}: what we talked about",
             body=f"Plain-English summary of entry {i}.",
             is_open=kinds[i % 4] == "feedback" and i % 8 == 1,
             due_on=start + dt.timedelta(days=i % 2200 + 14)
             if kinds[i % 4] == "feedback" else None)
        for i in range(n)], batch_size=2000)
    Feedback.objects.bulk_create([Feedback(item=i) for i in items if i.kind == "feedback"],
                                 batch_size=2000)
    Decision.objects.bulk_create(
        [Decision(item=i, decided_by="Trial management group", influence="consulted",
                  promised="involved") for i in items if i.kind == "decision"],
        batch_size=2000)
    ItemPerson.objects.bulk_create(
        [ItemPerson(item=i, membership_id=i.author_membership_id) for i in items],
        batch_size=2000)

def columns(model):
    return [f.column for f in model._meta.concrete_fields if f.column != "id"]

def copy_entries(source, target):
    # The first project's entries copied inside the database (INSERT ... SELECT), so that
    # 200 x 10,000 entries take minutes, not an hour: same rows, the target's project and
    # memberships. Item ids are contiguous in both, so dependants shift by one offset.
    (src, src_lead, _src_member), (dst, dst_lead, dst_member) = source, target
    who = (f"CASE author_membership_id WHEN {src_lead.pk} THEN {dst_lead.pk} "
           f"ELSE {dst_member.pk} END")
    mapped = {"project_id": str(dst.pk), "author_membership_id": who}
    item_cols = columns(Item)
    with connection.cursor() as cur:
        cur.execute("SELECT min(id), max(id) FROM record_item WHERE project_id = %s", [src.pk])
        low, high = cur.fetchone()
        cur.execute(
            f"INSERT INTO {Item._meta.db_table} ({', '.join(item_cols)}) "
            f"SELECT {', '.join(mapped.get(c, c) for c in item_cols)} "
            f"FROM {Item._meta.db_table} WHERE project_id = {src.pk} ORDER BY id"
        )
        cur.execute("SELECT min(id) FROM record_item WHERE project_id = %s", [dst.pk])
        offset = cur.fetchone()[0] - low
        person = (f"CASE membership_id WHEN {src_lead.pk} THEN {dst_lead.pk} "
                  f"ELSE {dst_member.pk} END")
        for model in (Feedback, Decision, ItemPerson):
            cols = columns(model)
            moved = {"item_id": f"item_id + {offset}", "membership_id": person}
            cur.execute(
                f"INSERT INTO {model._meta.db_table} ({', '.join(cols)}) "
                f"SELECT {', '.join(moved.get(c, c) for c in cols)} "
                f"FROM {model._meta.db_table} WHERE item_id BETWEEN {low} AND {high} "
                "ORDER BY id"
            )

made = []
admin = person("admin@fund.example.org", "Fund Admin")
reviewer = person("reviewer@fund.example.org", "Fund Reviewer")
lead = person("lead@example.org", "Bench Lead")
contributor = person("contributor@example.org", "Bench Contributor")
fund = fs.organisation_create(actor=None, name="Bench Fund", slug="bench-fund",
                              admin_email=admin.email)
fs.appointment_create(actor=admin, organisation=fund, email=reviewer.email, kind="reviewer")
for i in range(projects):
    project = ps.project_create(actor=lead, slug=f"project-{i:03d}", title=f"Project {i:03d}",
                                summary="For benchmarks.", start_date=dt.date(2020, 1, 1),
                                end_date=dt.date(2030, 1, 1))
    _, token = ps.invitation_create(actor=lead, project=project, email=contributor.email,
                                    role="contributor")
    member = ps.invitation_accept(actor=contributor, token=token)
    made.append((project, project.memberships.get(user=lead), member))
    if entries and i == 0:
        bulk_entries(*made[0], entries)
    elif entries:
        copy_entries(made[0], made[-1])
    for k in range(concerns):
        cs.concern_raise(actor=contributor, project=project, mode="open",
                         subject=f"Concern {k}", what_happened="Something happened.",
                         outcome_wanted="Put it right.")
    link = fs.project_funder_name(actor=lead, project=project, organisation=fund)
    fs.project_funder_answer(actor=admin, link_id=link.pk, confirm=True)

# What the first request after a write pays: every column computed (no kept rows).
import time
from workings.funders.portfolio_kept import compute_rows
cold = []
for _ in range(3):
    t0 = time.perf_counter()
    compute_rows(organisation=fund, params={})
    cold.append((time.perf_counter() - t0) * 1000)

client = Client()
client.force_login(reviewer)
assert client.get("/funders/bench-fund/portfolio/").status_code == 200
print(json.dumps({"cookie": "; ".join(f"{n}={m.value}" for n, m in client.cookies.items()),
                  "entries": Item.objects.count(), "feedback": Feedback.objects.count(),
                  "people": ItemPerson.objects.count(),
                  "open": Item.objects.filter(is_open=True).count(), "cold": sorted(cold)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--projects", type=int, default=200)
    parser.add_argument("--concerns", type=int, default=10, help="open concerns per project")
    parser.add_argument(
        "--entries", type=int, default=0, help="working-record entries per project (bulk)"
    )
    parser.add_argument("--seconds", type=float, default=24.0, help="per URL, in all")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=8, help="alternating slices per URL")
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="wk-bench-portfolio-"))
    env = {
        **web._env(var_dir),
        "BENCH_PROJECTS": str(args.projects),
        "BENCH_CONCERNS": str(args.concerns),
        "BENCH_ENTRIES": str(args.entries),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    }
    server = None
    try:
        t0 = time.monotonic()
        built = subprocess.run(
            [str(web.VENV_BIN / "python"), "-c", SETUP],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if built.returncode != 0:
            print(built.stderr[-4000:], file=sys.stderr)
            return 1
        info = json.loads(built.stdout.strip().splitlines()[-1])
        cookie = info["cookie"]
        cold = ", ".join(f"{ms:.0f}" for ms in info["cold"])
        print(
            f"Built {args.projects} projects ({info['entries']:,} record entries in all, "
            f"{info['feedback']:,} feedback, {info['open']:,} open, {info['people']:,} "
            f"people rows) in {time.monotonic() - t0:.1f} s"
        )
        print(f"Rows computed cold (the first request after any write), in process: {cold} ms")
        server, port = served.start_server(var_dir, env, args.workers)
        urls = {
            f"portfolio page, {args.projects} projects": "/funders/bench-fund/portfolio/",
            "portfolio CSV": "/funders/bench-fund/portfolio.csv",
            "portfolio API": "/api/v1/funders/bench-fund/portfolio",
            "trivial view (log key)": "/.well-known/workings/log-key",
        }
        for path in urls.values():  # warm every worker
            web._run(port, path, cookie, 2, args.connections)
        lat: dict[str, list[float]] = {name: [] for name in urls}
        errors = dict.fromkeys(urls, 0)
        medians: dict[str, list[float]] = {name: [] for name in urls}
        for _ in range(args.rounds):
            for name, path in urls.items():
                got, err, _elapsed = web._run(
                    port, path, cookie, args.seconds / args.rounds, args.connections
                )
                lat[name] += got
                errors[name] += err
                medians[name].append(statistics.median(got) * 1000 if got else float("nan"))
    finally:
        web.stop_server(server)
        shutil.rmtree(var_dir, ignore_errors=True)

    print(
        f"gunicorn, {args.workers} sync workers; {args.connections} connections; "
        f"{args.seconds:.0f} s per URL in {args.rounds} alternating slices; SQLite"
    )
    print(f"{'URL':36} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'slice medians ms':>22} err")
    p95: dict[str, float] = {}
    for name, values in lat.items():
        values.sort()
        ms = [v * 1000 for v in values]
        p95[name] = ms[int(len(ms) * 0.95)] if ms else float("nan")
        spread = f"{min(medians[name]):.1f}-{max(medians[name]):.1f}"
        print(
            f"{name:36} {len(values) / args.seconds:7.0f} {statistics.median(ms):7.1f} "
            f"{p95[name]:7.1f} {spread:>22} {errors[name]:3d}"
        )
    ok = True
    for name in list(urls)[:3]:
        ratio = p95[name] / p95["trivial view (log key)"]
        print(f"{name} p95 / trivial view p95: {ratio:.2f}x (target <= 4)")
        ok = ok and errors[name] == 0
        ok = ok and ratio <= 4
    print("targets met" if ok else "TARGET NOT MET")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
