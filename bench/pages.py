"""Benchmark: the document pages and the budget page over HTTP (issues 12 and 15).

    .venv/bin/python bench/pages.py [--seconds 24] [--connections 10] [--rounds 8]

Builds a temporary SQLite database in a subprocess: the bench project (bench_project.py)
with a document of 50 versions and 500 suggestions made through the services, and a budget
over three years with 5,000 claims (bench/documents.py and bench/money.py build both). Then
starts gunicorn (4 sync workers) on 127.0.0.1 and loads each URL with the load generator of
bench/web.py (10 connections sending requests back to back), every URL in short slices
taken in turn, so every URL sees the same background load on a shared machine.

The baseline is the nearly trivial view of the same server, `/.well-known/workings/log-key`
(full middleware stack, no template, no query). For context it also measures the about page
signed in (the site's page layout and nothing else) and the project overview page. Each
client sends its session and CSRF cookies, as a browser does. Target (issues 12 and 15):
each page's median within 4x the trivial view's, same run.
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
from django.conf import settings
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from django.test import Client
from bench_project import lead_and_contributor
from documents import build_document, owners_agreement
from money import build_money

people = lead_and_contributor(owners_agreement)
lead, owner, member, project = people
document, latest = build_document(lead, project, 50, 500)
build_money(5000, people)

def cookies(user, page):
    client = Client()
    client.force_login(user)
    assert client.get(page).status_code == 200, page
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())

print(json.dumps({
    "version": latest.get_absolute_url(),
    "document": document.get_absolute_url(),
    "owner": cookies(owner, latest.get_absolute_url()),
    "lead": cookies(lead, "/projects/bench/money/"),
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=24.0, help="per URL, in all")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=8, help="alternating slices per URL")
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="wk-bench-pages-"))
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
            "document version page (owner)": (info["version"], info["owner"]),
            "document page (owner)": (info["document"], info["owner"]),
            "budget page, 5,000 claims (lead)": ("/projects/bench/money/", info["lead"]),
            served.TRIVIAL: ("/.well-known/workings/log-key", info["owner"]),
            "context: about page, signed in": ("/about/", info["owner"]),
            "context: project overview": ("/projects/bench/", info["owner"]),
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
    ok = served.within(slices, list(urls)[:3])
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
