"""Benchmark: the working-record timeline of a 10,000-entry project, served by gunicorn.

    .venv/bin/python bench/web.py [--entries 10000] [--seconds 30] [--connections 10]
                                  [--workers 4]

1. Builds a temporary SQLite database (a fresh WORKINGS_VAR_DIR) in a subprocess: migrations,
   a project with a lead and a contributor through the services, then N record entries with
   bulk_create (this measures reading, so the entries are written straight into the tables),
   and a signed-in session for the contributor.
2. Starts gunicorn on 127.0.0.1 (loopback only) with that database.
3. For each of two URLs, runs a load generator of C concurrent connections for S seconds in
   total, in alternating slices (so both see the same background load): C processes,
   each sending requests one after another with http.client and
   recording each response time. The two URLs are
     - the timeline page, /projects/bench/working-record/ (first page, signed in), and
     - a nearly trivial Django view served by the same server: /.well-known/workings/log-key
       (it returns the log's public key as text: full middleware stack, no database query
       beyond the session middleware's lazy nothing). The product has no emptier view and we
       add no URL for benchmarks.
4. Prints throughput, p50/p95/p99 and errors for both, and the ratio of throughputs. For
   context it also measures the project overview page, /projects/bench/ (the simplest page
   behind the same project permission check); that row is not part of the targets.

Targets (issue 5): timeline p95 <= 150 ms, >= 100 requests/s, 0 errors, and at least a sixth
of the trivial view's throughput. Everything is removed afterwards.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"

SETUP = r"""
import datetime as dt, json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
django.setup()
from django.conf import settings
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from allauth.account.models import EmailAddress
from django.test import Client
from workings.accounts.models import User
from workings.core import clock
from workings.events import keys
from workings.projects import services as ps
from workings.record.models import Decision, Feedback, Item, ItemPerson

if not keys.key_path().exists():
    keys.keys_init(name="workings.bench")
def person(email, name):
    u = User.objects.create_user(email=email, password="bench-password-1", display_name=name)
    EmailAddress.objects.create(user=u, email=email, verified=True, primary=True)
    return u
lead = person("lead@example.org", "Bench Lead")
contributor = person("contributor@example.org", "Bench Contributor")
project = ps.project_create(
    actor=lead, slug="bench", title="Bench project", summary="For benchmarks.",
    start_date=dt.date(2020, 1, 1), end_date=dt.date(2030, 1, 1),
)
_, token = ps.invitation_create(actor=lead, project=project, email=contributor.email,
                                role="contributor")
member = ps.invitation_accept(actor=contributor, token=token)
lead_member = project.memberships.get(user=lead)
n = int(sys.argv[1])
kinds = ["meeting", "feedback", "decision", "account"]
now = clock.now()
start = dt.date(2020, 1, 1)
items = Item.objects.bulk_create([
    Item(project=project, kind=kinds[i % 4], area="methods" if i % 3 else "",
         occurred_on=start + dt.timedelta(days=i % 2200), created_at=now,
         author=lead if i % 2 else contributor,
         author_membership=lead_member if i % 2 else member,
         title=f"Entry {i}: what we talked about", body=f"Plain-English summary of entry {i}.",
         is_open=kinds[i % 4] == "feedback" and i % 8 == 1,
         due_on=start + dt.timedelta(days=i % 2200 + 14) if kinds[i % 4] == "feedback" else None)
    for i in range(n)], batch_size=2000)
Feedback.objects.bulk_create([Feedback(item=i) for i in items if i.kind == "feedback"],
                             batch_size=2000)
Decision.objects.bulk_create(
    [Decision(item=i, decided_by="Trial management group", influence="consulted",
              promised="involved") for i in items if i.kind == "decision"], batch_size=2000)
ItemPerson.objects.bulk_create(
    [ItemPerson(item=i, membership_id=i.author_membership_id) for i in items], batch_size=2000)
client = Client()
client.force_login(contributor)
print(json.dumps({"cookie": settings.SESSION_COOKIE_NAME,
                  "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
                  "entries": Item.objects.filter(project=project).count()}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _env(var_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "WORKINGS_SQLITE_PATH", "WORKINGS_TEST_SQLITE_PATH"):
        env.pop(name, None)
    env.update(
        WORKINGS_VAR_DIR=str(var_dir),
        WORKINGS_DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONPATH=str(ROOT / "src"),
    )
    return env


def _wait_until_up(port: int, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/.well-known/workings/log-key")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _client(args: tuple[int, str, str, float, multiprocessing.Queue]) -> None:  # type: ignore[type-arg]
    port, path, cookie, until, out = args
    headers = {"Cookie": cookie, "Host": f"{HOST}:{port}", "Connection": "keep-alive"}
    latencies: list[float] = []
    errors = 0
    conn: http.client.HTTPConnection | None = None
    while time.monotonic() < until:
        began = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            errors += 1
            if conn is not None:
                conn.close()
            conn = None
            continue
        latencies.append(time.perf_counter() - began)
    out.put((latencies, errors))


def _run(port: int, path: str, cookie: str, seconds: float, connections: int) -> tuple:
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    began = time.monotonic()
    until = began + seconds
    procs = [
        ctx.Process(target=_client, args=((port, path, cookie, until, out),))
        for _ in range(connections)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 60) for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - began
    return [x for lat, _ in results for x in lat], sum(e for _, e in results), elapsed


def summarise(path: str, latencies: list[float], errors: int, elapsed: float) -> dict:
    latencies = sorted(latencies)
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "path": path,
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50_ms": q[49] * 1000,
        "p95_ms": q[94] * 1000,
        "p99_ms": q[98] * 1000,
    }


def stop_server(server: subprocess.Popen[bytes] | None) -> None:
    """Stop gunicorn and its workers (its own process group), forcefully if it lingers."""
    if server is None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def measure_interleaved(
    port: int, paths: list[str], cookie: str, seconds: float, connections: int, rounds: int
) -> list[dict]:
    """Each URL gets `seconds` in total, in `rounds` alternating slices, so both see the
    same background load on a shared machine."""
    totals = {p: ([], 0, 0.0) for p in paths}
    for _ in range(rounds):
        for path in paths:
            lat, err, el = _run(port, path, cookie, seconds / rounds, connections)
            prev = totals[path]
            totals[path] = (prev[0] + lat, prev[1] + err, prev[2] + el)
    return [summarise(p, *totals[p]) for p in paths]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=6, help="alternating slices per URL")
    parser.add_argument(
        "--no-reference",
        dest="reference",
        action="store_false",
        help="skip the reference row (the project overview page, for context only)",
    )
    args = parser.parse_args()
    args.seconds = min(args.seconds, 120.0)  # bounded duration

    var_dir = Path(tempfile.mkdtemp(prefix="wk-bench-web-"))
    env = _env(var_dir)
    server = None
    try:
        t0 = time.monotonic()
        built = subprocess.run(
            [str(VENV_BIN / "python"), "-c", SETUP, str(args.entries)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if built.returncode != 0:
            print(built.stderr[-4000:], file=sys.stderr)
            return 1
        info = json.loads(built.stdout.strip().splitlines()[-1])
        print(
            f"Built a project with {info['entries']:,} record entries "
            f"in {time.monotonic() - t0:.1f} s"
        )
        cookie = f"{info['cookie']}={info['session']}"
        port = _free_port()
        log = (var_dir / "gunicorn.log").open("wb")
        server = subprocess.Popen(
            [
                str(VENV_BIN / "python"),
                "-m",
                "gunicorn",
                "workings.wsgi",
                "-b",
                f"{HOST}:{port}",
                "-w",
                str(args.workers),
                "--access-logfile",
                "/dev/null",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait_until_up(port, server)
        timeline = "/projects/bench/working-record/"
        trivial = "/.well-known/workings/log-key"
        # Warm up each worker (templates, connections) before measuring.
        _run(port, timeline, cookie, 3, args.connections)
        _run(port, trivial, cookie, 2, args.connections)
        paths = [timeline, trivial] + (["/projects/bench/"] if args.reference else [])
        results = measure_interleaved(
            port, paths, cookie, args.seconds, args.connections, args.rounds
        )
    finally:
        stop_server(server)
        shutil.rmtree(var_dir, ignore_errors=True)

    print(
        f"gunicorn, {args.workers} sync workers, 127.0.0.1; {args.connections} concurrent "
        f"connections for {args.seconds:.0f} s each, in {args.rounds} alternating slices; SQLite"
    )
    print(f"{'URL':40} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for r in results:
        print(
            f"{r['path']:40} {r['rps']:8.1f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
            f"{r['p99_ms']:8.1f} {r['errors']:7d}"
        )
    tl, tv = results[0], results[1]
    ratio = tl["rps"] / tv["rps"] if tv["rps"] else 0.0
    print(f"timeline / trivial throughput: {ratio:.3f} (target >= {1 / 6:.3f})")
    ok = (
        tl["p95_ms"] <= 150
        and tl["rps"] >= 100
        and tl["errors"] == 0
        and tv["errors"] == 0
        and ratio >= 1 / 6
    )
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
