"""Benchmark: co-production annexes of large projects.

    .venv/bin/python bench/reports.py [--entries 10000] [--small 1000]

1. In a fresh temporary WORKINGS_VAR_DIR (SQLite file database, WAL), builds through the
   services two projects: each has a lead, a researcher and three contributors (one of whom
   leaves with a reason); a fifth of the remaining entries are feedback given through the
   working record's service (half of them answered), the rest plain ledger events. Every
   entry is a real append_event: leaf, stored tree nodes and a signed checkpoint.
2. Times the HTML annex page (team audience) of the big project through Django's test
   client (view, sections, template), 3 runs: target <= 3 s.
3. Times the PDF annex of the small project made while the person waits (the download
   view, nothing cached): target <= 10 s.
4. Queues the PDF annex of the big project and runs a real `workings worker --batch` in a
   subprocess: wall time (target <= 5 min) and the worker's peak memory from
   resource.getrusage(RUSAGE_CHILDREN).ru_maxrss (target < 2 GB). Then asks for the same
   annex again and checks it is served from the cache (not made twice).
Everything is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _setup_django(var_dir: str) -> None:
    os.environ["WORKINGS_VAR_DIR"] = var_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("WORKINGS_TESTING", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from workings.events import keys

    keys.keys_init(name="workings.bench")


def _user(email: str, name: str) -> Any:
    from workings.accounts.models import User

    return User.objects.create_user(email=email, password="bench-password-2026", display_name=name)


def _project(tag: str, entries: int) -> Any:
    import datetime as dt

    from django.db import transaction

    from workings.events.services import append_event
    from workings.projects import services as ps
    from workings.record.services import feedback as fb

    lead = _user(f"lead-{tag}@example.org", "Lena Lead")
    project = ps.project_create(
        actor=lead,
        title=f"Bench {tag}",
        summary="A benchmark project.",
        start_date=dt.date(2025, 1, 1),
        end_date=dt.date(2027, 12, 31),
        involvement_budget="5000",
        currency="GBP",
    )
    people = {}
    for role, n in (("researcher", 1), ("contributor", 3)):
        for i in range(n):
            u = _user(f"{role}{i}-{tag}@example.org", f"{role.title()} {i}")
            _, token = ps.invitation_create(actor=lead, project=project, email=u.email, role=role)
            ps.invitation_accept(actor=u, token=token)
            people[f"{role}{i}"] = u
    ps.membership_leave(
        actor=people["contributor2"], project=project, reason="Moved away.", credit="name"
    )
    from workings.events.models import Log

    size = Log.objects.get(project=project).size
    remaining = entries - size
    n_feedback = remaining // 5 // 3 * 2  # each answered item costs 2 entries
    made = 0
    for i in range(n_feedback):
        item = fb.feedback_give(
            actor=people["contributor0"],
            project=project,
            area="methods",
            title=f"Feedback {i}",
            text=f"We said something useful, number {i}.",
        )
        made += 1
        if i % 2 == 0:
            fb.feedback_answer(
                actor=lead,
                project=project,
                item_id=item.pk,
                outcome="adopted",
                what_done="We changed it.",
                why="It was a good idea.",
            )
            made += 1
    plain = entries - Log.objects.get(project=project).size
    batch = 500
    for start in range(0, plain, batch):
        with transaction.atomic():
            for i in range(start, min(start + batch, plain)):
                append_event(
                    project=project,
                    type="project.updated",
                    actor=lead,
                    content={"note": f"bench event {i}"},
                )
    assert Log.objects.get(project=project).size == entries
    return project, lead


WORKER = """
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run([sys.executable, "-m", "workings.cli", "worker", "--batch"])
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(r.returncode, wall, peak)
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="wk-bench-reports-")
    try:
        _setup_django(var_dir)
        from django.test import Client
        from django.urls import reverse

        from workings.reports import files, tasks
        from workings.reports.models import AnnexFile

        t = time.perf_counter()
        big, lead = _project("big", args.entries)
        small, small_lead = _project("small", args.small)
        print(f"setup: {args.entries} + {args.small} entries in {time.perf_counter() - t:.0f} s")

        client = Client()
        client.force_login(lead)
        url = reverse("reports:annex", args=[big.slug, "team"])
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            response = client.get(url)
            runs.append(time.perf_counter() - t)
            assert response.status_code == 200, response.status_code
        print(
            f"HTML annex, {args.entries} entries: median {statistics.median(runs):.2f} s "
            f"(runs {', '.join(f'{r:.2f}' for r in runs)}; {len(response.content) // 1024} KiB)"
            f"  target <= 3 s"
        )

        small_client = Client()
        small_client.force_login(small_lead)
        t = time.perf_counter()
        response = small_client.get(
            reverse("reports:annex-download", args=[small.slug, "team", "pdf"])
        )
        pdf_small = time.perf_counter() - t
        assert response.status_code == 200 and response.content[:5] == b"%PDF-"
        print(
            f"PDF annex, {args.small} entries, while you wait: {pdf_small:.2f} s "
            f"({len(response.content) // 1024} KiB)  target <= 10 s"
        )

        row, _ = files.file_for(
            project=big, audience="team", checkpoint_size=None, fmt="pdf", actor=lead
        )
        tasks.enqueue(row)
        out = subprocess.run(  # noqa: S603
            [sys.executable, "-c", WORKER], capture_output=True, text=True, env=os.environ.copy()
        )
        code, wall, peak_kib = out.stdout.split()[-3:]
        row.refresh_from_db()
        size = len(bytes(AnnexFile.objects.values_list("data", flat=True).get(pk=row.pk) or b""))
        print(
            f"PDF annex, {args.entries} entries, background worker: {float(wall):.1f} s, "
            f"peak memory {int(peak_kib) / 1024:.0f} MiB, status {row.status}, "
            f"{size // 1024} KiB  targets <= 300 s, < 2048 MiB"
        )
        t = time.perf_counter()
        again = client.get(reverse("reports:annex-download", args=[big.slug, "team", "pdf"]))
        print(
            f"same PDF asked again: {time.perf_counter() - t:.2f} s from the cache "
            f"(status {again.status_code}, "
            f"files made: {AnnexFile.objects.filter(fmt='pdf').count()})"
        )
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"bench process peak memory: {self_peak:.0f} MiB")
        return 0 if code == "0" else 1
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
