"""`workings backup` and `workings restore`.

A backup is a folder holding the database (pg_dump's custom format, or an SQLite online
backup), the uploaded files (media.tar.gz), the checkpoints the database holds
(checkpoints.json: each log's latest signed size and root) and the row counts of every table
(counts.json), all read from one snapshot of the database. manifest.json lists each file's
SHA-256. Beside the backups, published-checkpoints.json keeps the largest checkpoint ever
backed up per log: a backup older than that is a rollback, and `workings restore` refuses
it unless told --accept-rollback. See docs/decisions/backups.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction

PUBLISHED = "published-checkpoints.json"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why in plain English."""


def _tables() -> list[str]:
    return sorted(
        {m._meta.db_table for m in apps.get_models() if m._meta.managed and not m._meta.proxy}
    )


def _state(cursor: Any) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """(each log's latest checkpoint, each table's row count) through a DB-API cursor."""
    from workings.events.models import Checkpoint, Log

    log_t, cp_t = Log._meta.db_table, Checkpoint._meta.db_table
    cursor.execute(
        f"SELECT l.origin, c.size, c.root, c.note FROM {cp_t} c JOIN {log_t} l "  # noqa: S608
        f"ON l.id = c.log_id WHERE c.size = (SELECT MAX(size) FROM {cp_t} WHERE log_id = l.id)"
    )
    checkpoints = {
        origin: {"size": int(size), "root": bytes(root).hex(), "note": note}
        for origin, size, root, note in cursor.fetchall()
    }
    counts = {}
    for table in _tables():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - our own table names
        counts[table] = int(cursor.fetchone()[0])
    return checkpoints, counts


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_json(path: Path, data: Any) -> None:
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
    with os.fdopen(fd, "w") as f:
        json.dump(data, f, indent=2, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _dump_database(folder: Path) -> tuple[str, dict[str, Any], dict[str, int]]:
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(target)) as out:
            connection.connection.backup(out)  # an online backup: writers may go on
            checkpoints, counts = _state(out.cursor())
        return target.name, checkpoints, counts
    if connection.vendor != "postgresql":
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    target = folder / "database.dump"
    # One snapshot for the dump, the checkpoints and the counts: they always match.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        checkpoints, counts = _state(cursor)
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}",
             f"--file={target}", str(db["NAME"])],
            env=_pg_env(db), check=True, capture_output=True, timeout=3600,
        )  # fmt: skip
    return target.name, checkpoints, counts


def published(root: Path) -> dict[str, dict[str, Any]]:
    path = root / PUBLISHED
    return json.loads(path.read_text()) if path.exists() else {}


def backup(root: Path) -> Path:
    """Make a backup under root; returns its folder."""
    root.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    partial = Path(tempfile.mkdtemp(dir=root, prefix=".partial-"))
    try:
        database, checkpoints, counts = _dump_database(partial)
        # After the database: every file a row names was there before the snapshot.
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(partial / "media.tar.gz", "w:gz") as tar:
            if media.exists():
                tar.add(media, arcname="media")
        _write_json(partial / "checkpoints.json", checkpoints)
        _write_json(partial / "counts.json", counts)
        files = ["checkpoints.json", "counts.json", database, "media.tar.gz"]
        _write_json(
            partial / "manifest.json",
            {
                "made_at": stamp,
                "database": database,
                "vendor": connection.vendor,
                "sha256": {name: _sha256(partial / name) for name in files},
            },
        )
        folder = root / f"workings-{stamp}"
        partial.rename(folder)  # the backup appears whole or not at all
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    high = published(root)
    for origin, cp in checkpoints.items():
        if origin not in high or high[origin]["size"] < cp["size"]:
            high[origin] = cp
    _write_json(root / PUBLISHED, high)
    return folder


@dataclass
class RestoreReport:
    folder: Path
    projects: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def rollback_problems(
    checkpoints: dict[str, dict[str, Any]], high: dict[str, dict[str, Any]]
) -> list[str]:
    """Each log whose backed-up record is behind (or beside) a checkpoint already published."""
    problems = []
    for origin, seen in sorted(high.items()):
        mine = checkpoints.get(origin)
        if mine is None or mine["size"] < seen["size"]:
            size = mine["size"] if mine else 0
            problems.append(
                f"{origin}: the backup holds {size} entries but {seen['size']} were already "
                "published. Restoring it would roll the record back."
            )
        elif mine["size"] == seen["size"] and mine["root"] != seen["root"]:
            problems.append(f"{origin}: the backup's record differs from the published one.")
    return problems


def _check_files(folder: Path) -> dict[str, Any]:
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(f"{folder} is not a Workings backup (it has no manifest.json).")
    manifest = json.loads(manifest_path.read_text())
    for name, digest in manifest["sha256"].items():
        if not (folder / name).exists() or _sha256(folder / name) != digest:
            raise BackupError(f"The backup's {name} is missing or damaged.")
    return manifest


def _load_database(folder: Path, manifest: dict[str, Any]) -> None:
    db = settings.DATABASES["default"]
    connections.close_all()
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['vendor']} database; this site uses "
            f"{connection.vendor}."
        )
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(folder / manifest["database"])) as source:
            source.backup(connection.connection)
        connections.close_all()
        return
    subprocess.run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
         "--exit-on-error", f"--dbname={db['NAME']}", str(folder / manifest["database"])],
        env=_pg_env(db), check=True, capture_output=True, timeout=3600,
    )  # fmt: skip


def restore(folder: Path, *, high: dict[str, Any], accept_rollback: bool) -> RestoreReport:
    """Restore a backup into this site's database and media folder, then check it:
    migrations applied, every project verifies, every table's count matches."""
    from django.core.management import call_command

    from workings.events.audit import verify_project
    from workings.projects.models import Project

    manifest = _check_files(folder)
    checkpoints = json.loads((folder / "checkpoints.json").read_text())
    rollback = rollback_problems(checkpoints, high)
    if rollback and not accept_rollback:
        raise BackupError("This backup is a rollback:\n" + "\n".join(rollback))
    _load_database(folder, manifest)
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "media.tar.gz") as tar:
        for member in tar.getmembers():
            if member.name == "media" or not member.name.startswith("media/"):
                continue
            member.name = member.name.removeprefix("media/")
            tar.extract(member, media, filter="data")
    report = RestoreReport(folder=folder, problems=list(rollback))
    try:
        call_command("migrate", check_unapplied=True, verbosity=0)
    except SystemExit:
        report.problems.append("The restored database is missing migrations: run migrate.")
    for project in Project.objects.order_by("pk"):
        check = verify_project(project)
        report.projects += 1
        if not check.ok:
            report.problems.append(f"{project.slug} does not verify: {check.summary()}")
    with connection.cursor() as cursor:
        now_checkpoints, counts = _state(cursor)
    expected = json.loads((folder / "counts.json").read_text())
    for table, count in sorted(expected.items()):
        if counts.get(table) != count:
            report.problems.append(f"{table}: {counts.get(table)} rows, the backup had {count}.")
    if now_checkpoints != checkpoints:
        report.problems.append("The restored checkpoints differ from the backup's.")
    return report
