"""`workings demo --no-serve`: builds, writes the logins, is idempotent, and --reset rebuilds.

Run in a subprocess with its own var dir and SQLite file, so --reset cannot touch the test
database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

WORKINGS = Path(sys.executable).parent / "workings"
ROLES = {"lead", "researcher", "contributor", "funder", "observer"}


def _demo(var_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WORKINGS_", "DATABASE_"))}
    env.update({"WORKINGS_VAR_DIR": str(var_dir), "WORKINGS_TESTING": "1"})
    result = subprocess.run(
        [str(WORKINGS), "demo", "--no-serve", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _counts(var_dir: Path) -> tuple[int, int, int]:
    with sqlite3.connect(var_dir / "workings.sqlite3") as db:
        return (
            db.execute("select count(*) from accounts_user").fetchone()[0],
            db.execute("select count(*) from projects_project").fetchone()[0],
            db.execute("select count(*) from projects_membership").fetchone()[0],
        )


def test_demo_builds_is_idempotent_and_resets(tmp_path: Path) -> None:
    first = _demo(tmp_path)
    logins = json.loads((tmp_path / "demo-logins.json").read_text())
    assert isinstance(logins, list) and logins
    for login in logins:
        assert set(login) == {"email", "password", "role", "project"}
    by_project: dict[str, set[str]] = {}
    for login in logins:
        by_project.setdefault(login["project"], set()).add(login["role"])
    main = logins[0]["project"]
    assert ROLES <= by_project[main]
    assert any(p != main and "lead" in roles for p, roles in by_project.items())
    contributors = [x for x in logins if x["role"] == "contributor" and x["project"] == main]
    assert len(contributors) == 4
    assert "Demo logins" in first.stdout
    # The demo's invitations are not printed as mail.
    assert "Subject:" not in first.stdout
    assert (tmp_path / "keys").exists()
    before = _counts(tmp_path)

    again = _demo(tmp_path)
    assert "already built" in again.stdout
    assert _counts(tmp_path) == before

    with sqlite3.connect(tmp_path / "workings.sqlite3") as db:
        db.execute("update projects_project set title = 'Changed by hand'")
    _demo(tmp_path, "--reset")
    assert _counts(tmp_path) == before
    with sqlite3.connect(tmp_path / "workings.sqlite3") as db:
        titles = [r[0] for r in db.execute("select title from projects_project")]
        tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    assert "Changed by hand" not in titles
    assert "workings_cache" in tables  # rate limits need it: created by migrate
