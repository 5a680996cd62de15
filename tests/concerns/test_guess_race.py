"""Receipt-code guesses from several processes at once, against a real database shared by
them (a fresh SQLite file, and a fresh PostgreSQL database when DATABASE_URL points at one):
the brake lets through exactly as many checks as it allows, never one more. Four parallel
requests once got 21 guesses of 20."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.events.test_concurrency import _run, database  # noqa: F401 - the fixture
from workings.concerns import receipts

SCRIPT = str(Path(__file__).with_name("guess_script.py"))
WORKERS, EACH = 4, 8

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ledger-db")]


def test_parallel_guesses_get_exactly_the_allowed_checks(database: dict[str, str]) -> None:  # noqa: F811
    _run(database, "-m", "workings.cli", "migrate", "--noinput", timeout=300)
    slug = _run(database, SCRIPT, "setup", "guesses").strip()
    procs = [
        subprocess.Popen(
            [sys.executable, SCRIPT, "guess", slug, str(EACH)],
            env=database,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WORKERS)
    ]
    checked = 0
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, out + err
        checked += int(re.search(r"checked=(\d+)", out).group(1))
    # All within a minute: the free checks, then one slowed check, then refusals.
    assert checked == receipts.FREE_WRONG + 1
    counts = _run(database, SCRIPT, "check", slug)
    assert f"counts=[{receipts.FREE_WRONG + 1}]" in counts, counts
