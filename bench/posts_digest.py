"""Benchmark: the posts digest to many subscribers (issue 17).

    .venv/bin/python bench/posts_digest.py [--subscribers 10000]

In a fresh temporary WORKINGS_VAR_DIR (SQLite, migrated here): a published project with one
new post and --subscribers confirmed subscribers (bulk-inserted), then the worker's digest
(`posts.digest.send_digests`) with a mail backend that only counts messages, under
tracemalloc. It runs the same for a tenth as many subscribers first. Prints the time, e-mails
per second and the peak Python memory of each: the digest reads subscribers in batches of
500, so the two peaks should be about the same (target: the big one under 2x the small).
Everything is removed afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup(var_dir: Path) -> None:
    for name in ("DATABASE_URL", "WORKINGS_SQLITE_PATH", "WORKINGS_TEST_SQLITE_PATH"):
        os.environ.pop(name, None)
    os.environ.update(
        WORKINGS_VAR_DIR=str(var_dir),
        WORKINGS_DEBUG="0",
        ALLOWED_HOSTS="testserver,127.0.0.1",
        DJANGO_SETTINGS_MODULE="workings.settings",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def _run(project: object, count: int, start: dt.datetime) -> tuple[float, int, int]:
    from workings.core.clock import frozen_at
    from workings.posts.digest import send_digests
    from workings.posts.models import Subscription

    Subscription.objects.all().delete()
    Subscription.objects.bulk_create(
        [
            Subscription(
                email=f"reader{i}@example.org",
                scope="project",
                project=project,
                state="confirmed",
                confirmed_at=start,
                sent_up_to=start,
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    tracemalloc.start()
    began = time.perf_counter()
    with frozen_at(start + dt.timedelta(days=2)):
        sent = send_digests()
    elapsed = time.perf_counter() - began
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, sent, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="workings-bench-posts-"))
    try:
        _setup(var_dir)
        from bench.bench_project import lead_and_contributor
        from workings.core.clock import frozen_at
        from workings.posts import services

        lead, _contributor, _membership, project = lead_and_contributor()
        project.is_published = True
        project.save(update_fields=["is_published"])
        start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        with frozen_at(start + dt.timedelta(days=1)):
            services.post_create(
                actor=lead, project=project, title="News", body="Text", status="published"
            )
        rows = []
        for count in (max(args.subscribers // 10, 1), args.subscribers):
            elapsed, sent, peak = _run(project, count, start)
            rows.append((count, elapsed, sent, peak))
            print(
                f"{count:>7} subscribers: {sent} e-mails in {elapsed:.1f} s "
                f"({sent / elapsed:.0f}/s), peak Python memory {peak / 1e6:.1f} MB"
            )
        ratio = rows[1][3] / rows[0][3]
        print(f"peak memory, {rows[1][0]} vs {rows[0][0]}: {ratio:.2f}x (target < 2x)")
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
