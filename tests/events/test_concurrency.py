"""Appends from many processes at once, and a process killed mid-burst, against a real
database shared by processes: a fresh SQLite file, and (when DATABASE_URL points at
PostgreSQL) a fresh PostgreSQL database. Never the pytest-django test database."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from workings.events import keys

SCRIPT = str(Path(__file__).with_name("conc_script.py"))
WORKERS, EACH = 8, 500

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ledger-db")]


def _env(tmp_path: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PYTEST"))}
    env.pop("WORKINGS_TEST_SQLITE_PATH", None)
    env["WORKINGS_VAR_DIR"] = str(tmp_path / "var")
    env["WORKINGS_SQLITE_PATH"] = str(tmp_path / "log.sqlite3")
    env["WORKINGS_SIGNING_KEY_FILE"] = str(keys.key_path())
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _run(env: dict[str, str], *args: str, timeout: int = 120) -> str:
    done = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _prepare(env: dict[str, str]) -> str:
    _run(env, "-m", "workings.cli", "migrate", "--noinput", timeout=300)
    return _run(env, SCRIPT, "setup", "conc").strip()


def _pg_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    if request.param == "sqlite":
        yield _env(tmp_path, None)
        return
    url = _pg_url()
    if url is None:
        pytest.skip("DATABASE_URL does not point at PostgreSQL")
    import psycopg

    name = f"wk_conc_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield _env(tmp_path, urlunsplit(parts._replace(path=f"/{name}")))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_eight_processes_append_four_thousand_events(database: dict[str, str]) -> None:
    slug = _prepare(database)
    t0 = time.monotonic()
    procs = [
        subprocess.Popen(
            [sys.executable, SCRIPT, "append", slug, str(EACH), str(w)],
            env=database,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(WORKERS)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    elapsed = time.monotonic() - t0
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, out + err
        assert "database is locked" not in err
    report = _run(database, SCRIPT, "check", slug, timeout=300)
    # +1: the project's own "started" entry.
    assert f"size={WORKERS * EACH + 1} entries={WORKERS * EACH + 1}" in report, report
    print(f"{WORKERS}x{EACH} appends in {elapsed:.1f} s")


def test_killed_mid_burst_leaves_no_partial_entry(database: dict[str, str]) -> None:
    slug = _prepare(database)
    proc = subprocess.Popen(
        [sys.executable, SCRIPT, "append", slug, "100000"],
        env=database,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "started"
    time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    report = _run(database, SCRIPT, "check", slug, timeout=300)
    assert "OK:" in report, report
