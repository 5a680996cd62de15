"""Benchmark: money pages and the finance export (issue 15).

    .venv/bin/python bench/money.py [--claims 5000] [--csv-claims 50000] [--slices 20]
                                    [--per-slice 10]

In a fresh temporary WORKINGS_VAR_DIR (SQLite, migrated here), through the services: a
project with a lead, a contributor, an agreement in force, a budget over three tax years;
then claims written with bulk_create (this measures reading).

1. Budget page: the lead's /projects/bench/money/ of a project with --claims claims, against
   a nearly trivial view of the same stack (/.well-known/workings/log-key) and the project's
   overview page (the simplest page behind the same project check), in alternating
   slices of --per-slice requests each (so both see the same background load), in one
   process with Django's test client. Prints the median and the spread (p10-p90) of each,
   and the ratio of medians. Target: budget page within 4x the trivial view.
2. Finance CSV: streams the export of --csv-claims claims and of a tenth as many, consuming
   it chunk by chunk under tracemalloc. Prints the peak Python memory of each: constant
   memory means the two peaks are about the same (target: the big one under 2x the small).
Everything is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
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
    )
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def build_money(claims: int, people: tuple | None = None) -> tuple[object, object, object]:
    """A budget over three years and `claims` claims (bulk-inserted) in the bench project;
    `people`: (lead, contributor, membership, project) from bench_project, or made here."""
    import datetime as dt
    from decimal import Decimal

    from bench_project import lead_and_contributor

    from workings.money import services
    from workings.money.models import Claim

    lead, contributor, member, project = people or lead_and_contributor()
    for year in (2024, 2025, 2026):
        for category in ("fees", "travel", "carers", "other"):
            services.budget_line_add(
                actor=lead,
                project=project,
                year=year,
                category=category,
                description=f"{category} {year}",
                quantity="12",
                unit_cost="50.00",
            )
    offer = services.offer_make(
        actor=lead, project=project, person=member.pk, activity="task", title="Task", hours="2"
    )
    services.offer_answer(actor=contributor, offer=offer, answer="accept")
    start = dt.date(2024, 4, 6)
    Claim.objects.bulk_create(
        [
            Claim(
                project=project,
                offer=offer,
                person=member,
                hours=Decimal("2.00"),
                fee=Decimal("50.00"),
                expenses_total=Decimal(i % 7),
                currency="GBP",
                note="=cmd|' /C calc'!A0" if i % 1000 == 0 else "",
                status="paid" if i % 3 else "approved",
                claimed_on=start + dt.timedelta(days=i % 900),
                payment_days=30,
                due_on=start + dt.timedelta(days=i % 900 + 30),
                approved_on=start + dt.timedelta(days=i % 900 + 2),
                paid_on=start + dt.timedelta(days=i % 900 + (20 if i % 5 else 45))
                if i % 3
                else None,
            )
            for i in range(claims)
        ],
        batch_size=2000,
    )
    return project, lead, member


def _time(client: object, url: str, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        out.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return out


def _spread(values: list[float]) -> str:
    deciles = statistics.quantiles(values, n=10)
    return (
        f"median {statistics.median(values):.2f} ms (p10 {deciles[0]:.2f}, p90 {deciles[-1]:.2f})"
    )


def _csv_peak(project: object, claims: int) -> tuple[float, int, float]:
    from workings.core import clock
    from workings.money.exports import finance_csv
    from workings.money.models import Claim

    Claim.objects.filter(project=project)  # warm imports
    tracemalloc.start()
    t0 = time.perf_counter()
    lines = 0
    for _ in finance_csv(project, today=clock.today()):
        lines += 1
    seconds = time.perf_counter() - t0
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024, lines, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--csv-claims", type=int, default=50000)
    parser.add_argument("--slices", type=int, default=20)
    parser.add_argument("--per-slice", type=int, default=10)
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="workings-bench-money-"))
    try:
        _setup(var_dir)
        from django.test import Client

        from workings.money.models import Claim

        project, lead, member = build_money(args.claims)
        client = Client()
        client.force_login(lead)
        page, trivial = "/projects/bench/money/", "/.well-known/workings/log-key"
        overview = "/projects/bench/"
        for url in (page, trivial, overview):
            _time(client, url, 3)  # warm up
        page_ms: list[float] = []
        trivial_ms: list[float] = []
        overview_ms: list[float] = []
        for _ in range(args.slices):
            page_ms += _time(client, page, args.per_slice)
            trivial_ms += _time(client, trivial, args.per_slice)
            overview_ms += _time(client, overview, args.per_slice)
        print(f"budget page, {Claim.objects.count():,} claims: {_spread(page_ms)}")
        print(f"trivial view (log key), same run: {_spread(trivial_ms)}")
        print(f"project overview (simplest page behind the project check): {_spread(overview_ms)}")
        for name, base in (("trivial view", trivial_ms), ("project overview", overview_ms)):
            ratio = statistics.median(page_ms) / statistics.median(base)
            print(f"ratio of medians to the {name}: {ratio:.2f} (target <= 4)")

        small = args.csv_claims // 10
        Claim.objects.all().delete()
        from workings.money.models import Offer

        offer = Offer.objects.get(project=project)
        template = [
            Claim(
                project=project,
                offer=offer,
                person=member,
                hours="2.00",
                fee="50.00",
                expenses_total="3.00",
                currency="GBP",
                status="submitted",
                claimed_on="2026-01-01",
                payment_days=30,
                due_on="2026-01-31",
            )
            for _ in range(small)
        ]
        Claim.objects.bulk_create(template, batch_size=2000)
        small_peak, small_lines, small_s = _csv_peak(project, small)
        for _ in range(9):
            for c in template:
                c.pk = None
            Claim.objects.bulk_create(template, batch_size=2000)
        big_peak, big_lines, big_s = _csv_peak(project, args.csv_claims)
        print(
            f"CSV {small_lines - 1:,} claims: peak {small_peak:.2f} MiB, {small_s:.2f} s; "
            f"{big_lines - 1:,} claims: peak {big_peak:.2f} MiB, {big_s:.2f} s; "
            f"ratio {big_peak / small_peak:.2f} (target < 2)"
        )
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
