"""Benchmark: the home page of a person in 20 projects, over HTTP (issue 16).

    .venv/bin/python bench/home.py [--projects 20] [--seconds 24] [--connections 10]
                                   [--rounds 8]

Builds a temporary SQLite database in a subprocess: a lead and a contributor who are both
in N projects (joined through the real invitation), and in each project, through the
services, a proposed agreement both must sign, six pieces of feedback from the contributor
(two answered, one answered "not yet decided"), a meeting and a decision. Then starts
gunicorn (4 sync workers) on 127.0.0.1 and loads each URL with the load generator of
bench/web.py (10 connections sending requests back to back), every URL in short slices
taken in turn, so every URL sees the same background load on a shared machine.

The baseline is the nearly trivial view of the same server, `/.well-known/workings/log-key`
(full middleware stack, no template, no query). For context it also measures the about page
signed in (the page layout and the header's count, nothing else). Target (issue 16): the
home page's median within 4x the trivial view's, same run. The home page keeps each
person's list while none of their projects' logs moves, so this measures the usual case;
the first view after a change costs more (tests/notifications/test_home.py pins its query
count, which does not grow with the number of projects).
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
import datetime as dt, json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from allauth.account.models import EmailAddress
from django.test import Client
from workings.accounts.models import User
from workings.agreements import services as aserv
from workings.core import clock
from workings.events import keys
from workings.projects import services as ps
from workings.record import services as rs

if not keys.key_path().exists():
    keys.keys_init(name="workings.bench")
def person(email, name):
    u = User.objects.create_user(email=email, password="bench-password-1", display_name=name)
    EmailAddress.objects.create(user=u, email=email, verified=True, primary=True)
    return u
lead = person("lead@example.org", "Bench Lead")
contributor = person("contributor@example.org", "Bench Contributor")
today = clock.today()
for n in range(int(sys.argv[1])):
    project = ps.project_create(
        actor=lead, slug=f"bench-{n}", title=f"Bench project {n}", summary="For benchmarks.",
        start_date=dt.date(2020, 1, 1), end_date=dt.date(2030, 1, 1),
    )
    _, token = ps.invitation_create(actor=lead, project=project, email=contributor.email,
                                    role="contributor")
    member = ps.invitation_accept(actor=contributor, token=token)
    draft = aserv.draft_start(actor=lead, project=project, source="template")
    aserv.version_propose(actor=lead, version=draft)
    items = [
        rs.feedback_give(actor=contributor, project=project, area="methods",
                         title=f"Feedback {n}.{i}", text="Please think again.",
                         occurred_on=today - dt.timedelta(days=5 * i))
        for i in range(6)
    ]
    for item in items[:2]:
        rs.feedback_answer(actor=lead, project=project, item_id=item.pk, outcome="adopted",
                           what_done="Done.", why="Good idea.")
    rs.feedback_answer(actor=lead, project=project, item_id=items[2].pk,
                       outcome="not_yet_decided", what_done="Asking.", why="Needs a check.",
                       answer_due_on=today + dt.timedelta(days=20))
    rs.meeting_record(actor=lead, project=project, occurred_on=today, activity="meeting",
                      title="Steering group", summary="We met.", hours="2",
                      participants=[member.pk])
    rs.decision_record(actor=lead, project=project, area="methods", title="Shorter forms",
                       text="", decided_by="The team", influence="consulted")

def cookies(user, page):
    client = Client()
    client.force_login(user)
    assert client.get(page).status_code == 200, page
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())

print(json.dumps({
    "contributor": cookies(contributor, "/home/"),
    "lead": cookies(lead, "/home/"),
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--projects", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=24.0, help="per URL, in all")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=8, help="alternating slices per URL")
    args = parser.parse_args()
    args.seconds = min(args.seconds, 120.0)  # bounded duration

    var_dir = Path(tempfile.mkdtemp(prefix="wk-bench-home-"))
    env = {**web._env(var_dir), "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver"}
    server = None
    try:
        t0 = time.monotonic()
        info = served.build(SETUP, env, str(args.projects))
        if info is None:
            return 1
        print(f"Built {args.projects} projects in {time.monotonic() - t0:.1f} s")
        server, port = served.start_server(var_dir, env, args.workers, timeout=120)
        urls = {
            f"home, contributor in {args.projects} projects": ("/home/", info["contributor"]),
            f"home, lead of {args.projects} projects": ("/home/", info["lead"]),
            served.TRIVIAL: ("/.well-known/workings/log-key", info["contributor"]),
            "context: about page, signed in": ("/about/", info["contributor"]),
        }
        slices = served.load_in_slices(port, urls, args.seconds, args.rounds, args.connections)
    finally:
        web.stop_server(server)
        shutil.rmtree(var_dir, ignore_errors=True)

    served.print_table(
        slices,
        f"gunicorn, {args.workers} sync workers; {args.connections} connections; "
        f"{args.seconds:.0f} s per URL in {args.rounds} alternating slices; SQLite",
    )
    ok = served.within(slices, list(urls)[:2])
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
