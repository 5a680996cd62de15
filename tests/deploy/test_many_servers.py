"""Many servers, one truth, and the faults they must survive (issue 18).

Two gunicorn app servers and two `workings worker`s on loopback share one PostgreSQL (a
throwaway cluster, so the test may restart it). Concurrent concerns are raised through both
servers; each writes a log entry and queues e-mails that only the workers send. Then an app
server and a worker are killed with SIGKILL and PostgreSQL is restarted mid-burst. Every
acknowledged write is present, nothing is half-written (`workings verify --project` is
clean), and every queued e-mail is delivered exactly once.

These run in the PostgreSQL part of `make test` (DATABASE_URL=postgres://...) only.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.deploy.cluster import Cluster, available
from tests.deploy.servers import AppServer, Worker
from tests.ops import site

pytestmark = [pytest.mark.deploy, pytest.mark.slow, pytest.mark.xdist_group("deploy")]


@dataclass
class Deployment:
    cluster: Cluster
    env: dict[str, str]
    var: Path
    slug: str
    token: str
    apps: list[AppServer]
    workers: list[Worker]

    def sql(self, query: str) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.cluster.url.replace("postgres://", "postgresql://")) as conn:
            return conn.execute(query).fetchall()  # type: ignore[arg-type]

    def raise_concern(self, app: AppServer, subject: str) -> int:
        body = {
            "mode": "open",
            "subject": subject,
            "what_happened": "The meeting papers came the night before.",
            "outcome_wanted": "Papers a week ahead.",
        }
        try:
            status, _body = app.post(f"/api/v1/projects/{self.slug}/concerns", body, self.token)
        except OSError:
            return 0  # refused or cut off: not acknowledged
        return status


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: Any) -> Iterator[Deployment]:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("runs in the PostgreSQL part of make test")
    if why := available():
        pytest.skip(why)
    cluster = Cluster()
    var = tmp_path_factory.mktemp("deploy")
    env = site.site_env(
        var,
        cluster.url,
        WORKINGS_MAIL_QUEUE="1",
        WORKINGS_TASK_BACKEND="database",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(var / "mail"),
        WORKINGS_MAIL_CLAIM_SECONDS="25",
        WORKINGS_MAIL_SWEEP_SECONDS="1",
    )
    apps: list[AppServer] = []
    workers: list[Worker] = []
    try:
        cluster.start()
        built = site.build(env, entries=1)
        apps = [AppServer(env, var / f"app{i}.log") for i in (1, 2)]
        workers = [Worker(env, var / f"worker{i}.log") for i in (1, 2)]
        for process in [*apps, *workers]:
            process.start()
        for app in apps:
            app.wait_until_up()
        yield Deployment(
            cluster, env, var, built["slug"], built["tokens"]["contributor"], apps, workers
        )
    finally:
        for process in [*apps, *workers]:
            process.kill()
        cluster.stop()


def _burst(
    d: Deployment, tag: str, count: int, apps: list[AppServer], done: Any = None
) -> dict[str, int]:
    """Raise `count` concerns from 8 threads, alternating servers: {subject: HTTP status}.
    `done` (a threading.Semaphore) is released after each request."""
    subjects = [f"{tag} {i}" for i in range(count)]

    def one(i: int) -> int:
        status = d.raise_concern(apps[i % len(apps)], subjects[i])
        if done is not None:
            done.release()
        return status

    with ThreadPoolExecutor(8) as pool:
        statuses = pool.map(one, range(count))
    return dict(zip(subjects, statuses, strict=True))


def _wait_for_mail(d: Deployment, timeout: float = 180) -> dict[str, int]:
    deadline = time.monotonic() + timeout
    while True:
        states = dict(d.sql("SELECT state, COUNT(*) FROM ops_outgoingmail GROUP BY state"))
        if set(states) <= {"sent"} or time.monotonic() > deadline:
            return states
        time.sleep(0.5)


def _check_one_truth(d: Deployment, acknowledged: list[str]) -> None:
    stored = {s for (s,) in d.sql("SELECT subject FROM concerns_concern")}
    assert set(acknowledged) <= stored  # every acknowledged write is there
    entries = d.sql(
        "SELECT COUNT(*) FROM events_entry e JOIN events_log l ON l.id = e.log_id "
        "JOIN projects_project p ON p.id = l.project_id "
        f"WHERE p.slug = '{d.slug}' AND e.type = 'concern.raised'"
    )[0][0]
    concerns = d.sql(
        "SELECT COUNT(*) FROM concerns_concern c JOIN projects_project p ON p.id = c.project_id "
        f"WHERE p.slug = '{d.slug}'"
    )[0][0]
    assert entries == concerns  # one entry per concern: nothing half-written
    (size, seqs, top) = d.sql(
        "SELECT l.size, COUNT(e.id), MAX(e.seq) FROM events_log l JOIN events_entry e "
        f"ON e.log_id = l.id JOIN projects_project p ON p.id = l.project_id "
        f"WHERE p.slug = '{d.slug}' GROUP BY l.size"
    )[0]
    assert size == seqs == top + 1  # one tree: no gaps, no forks
    verify = site.run(d.env, "verify", "--project", d.slug, check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    # Every queued e-mail was delivered, once.
    states = _wait_for_mail(d)
    assert set(states) == {"sent"}, states
    ids = []
    for path in (d.var / "mail").glob("*.log"):
        ids += re.findall(r"^Message-ID: (\S+)", path.read_text(), flags=re.MULTILINE)
    assert len(ids) == len(set(ids)) == states["sent"]


def test_two_servers_two_workers_one_truth(deployment: Deployment) -> None:
    d = deployment
    outcome = _burst(d, "Both servers", 16, d.apps)
    assert set(outcome.values()) == {201}, outcome
    _check_one_truth(d, list(outcome))
    # Both workers share the periodic jobs: the reminders (every 5 minutes) ran once, by
    # one of them; the e-mail sweep (every second) ran many times, never two at once.
    runs = dict(d.sql("SELECT name, runs FROM ops_joblease"))
    assert runs["send-reminders"] == 1 and runs["deliver-mail"] >= 1


def test_kill_an_app_server_and_a_worker_and_restart_postgresql(deployment: Deployment) -> None:
    d = deployment
    outcome: dict[str, int] = {}
    done = threading.Semaphore(0)
    burst = threading.Thread(
        target=lambda: outcome.update(_burst(d, "Under fire", 48, d.apps, done)), daemon=True
    )
    burst.start()
    for _ in range(8):  # mid-burst, whatever the machine's speed
        assert done.acquire(timeout=120)
    d.apps[0].kill()
    d.workers[0].kill()
    for _ in range(8):
        assert done.acquire(timeout=120)
    d.cluster.restart()
    burst.join(timeout=300)
    assert not burst.is_alive()
    acknowledged = [s for s, status in outcome.items() if status == 201]
    failed = [s for s, status in outcome.items() if status != 201]
    assert acknowledged and failed  # the faults really hit the burst
    assert {status for s, status in outcome.items() if status != 201} <= {0, 500, 502, 503}
    # As systemd would: the killed server and worker come back; the site carries on.
    d.apps[0].start()
    d.workers[0].start()
    d.apps[0].wait_until_up()
    after = _burst(d, "After the faults", 8, d.apps)
    assert set(after.values()) == {201}, after
    _check_one_truth(d, acknowledged + list(after))


def test_backup_and_restore_on_postgresql(deployment: Deployment) -> None:
    """The restore drill on PostgreSQL: pg_dump on one snapshot while the site runs,
    pg_restore into a fresh database, then migrations, every project and every count."""
    d = deployment
    backups = d.var / "backups"
    made = site.run(d.env, "backup", str(backups)).stdout
    folder = Path(made.split(": ", 1)[1].strip())
    assert (folder / "database.dump").exists()
    with psycopg.connect(
        d.cluster.url.replace("postgres://", "postgresql://"), autocommit=True
    ) as conn:
        conn.execute("CREATE DATABASE restored")
    restored = {**d.env, "DATABASE_URL": d.cluster.url.rsplit("/", 1)[0] + "/restored"}
    restored["WORKINGS_VAR_DIR"] = str(d.var / "restored")
    restored["WORKINGS_SIGNING_KEY_FILE"] = str(d.var / "keys" / "log-signing.key")
    done = site.run(restored, "restore", str(folder))
    assert "every project verifies, every count matches" in done.stdout
