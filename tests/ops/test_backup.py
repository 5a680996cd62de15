"""The restore drill: back up a live site, restore it on a fresh one, check migrations,
verify every project, compare every table's rows; an older backup is refused as a
rollback. Run through the `workings` command, as an operator would."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.ops import site

pytestmark = [
    pytest.mark.slow,
    # The drill runs on SQLite; tests/deploy runs it on PostgreSQL in that part of the suite.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the SQLite drill runs in the SQLite part of make test",
    ),
]

# In the live site's one process: a backup, one more entry, a second backup.
TWO_BACKUPS = """
from django.core.management import call_command
from workings.projects.models import Project
from workings.record import services as rs
call_command("backup", BACKUPS)
p = Project.objects.get(slug=SLUG)
rs.feedback_give(actor=p.memberships.get(role="contributor").user, project=p, area="methods",
                 title="Later", text="Written after the first backup.")
call_command("backup", BACKUPS)
"""


def test_restore_drill_and_rollback_detection(tmp_path: Path) -> None:
    key = tmp_path / "log-signing.key"
    live = site.site_env(tmp_path / "live", WORKINGS_SIGNING_KEY_FILE=str(key))
    slug = site.build(live, entries=4)["slug"]
    backups = tmp_path / "backups"
    made = site.python(
        live, TWO_BACKUPS.replace("SLUG", repr(slug)).replace("BACKUPS", repr(str(backups)))
    )
    first, second = (Path(line.split(": ", 1)[1]) for line in made.splitlines())
    assert sorted(p.name for p in backups.iterdir()) == sorted(
        [first.name, second.name, "published-checkpoints.json"]
    )
    manifest = json.loads((second / "manifest.json").read_text())
    assert manifest["vendor"] == "sqlite" and set(manifest["sha256"]) == {
        "checkpoints.json", "counts.json", "database.sqlite3", "media.tar.gz",
    }  # fmt: skip
    high = json.loads((backups / "published-checkpoints.json").read_text())
    (origin,) = [o for o in high if o.endswith(f"/{slug}")]
    assert (
        high[origin]["size"]
        == json.loads((second / "checkpoints.json").read_text())[origin]["size"]
        > json.loads((first / "checkpoints.json").read_text())[origin]["size"]
    )

    # The drill: a fresh machine (its own folder and database), the same signing key.
    fresh = site.site_env(tmp_path / "fresh", WORKINGS_SIGNING_KEY_FILE=str(key))
    done = site.run(fresh, "restore", str(second))
    assert "2 projects verified" in done.stdout
    assert "every project verifies, every count matches" in done.stdout
    stored = list((tmp_path / "fresh" / "media" / "record").rglob("*.txt"))
    assert [p.read_bytes() for p in stored] == [b"Notes of the first meeting."]

    # The older backup is a rollback of what was already published: refused.
    again = site.site_env(tmp_path / "again", WORKINGS_SIGNING_KEY_FILE=str(key))
    refused = site.run(again, "restore", str(first), check=False)
    assert refused.returncode == 2
    assert "rollback" in refused.stderr and "Restoring it would roll the record back" in (
        refused.stderr
    )
    assert not (tmp_path / "again" / "workings.sqlite3").exists()
    # Told to, it restores, and still reports the rollback.
    forced = site.run(again, "restore", str(first), "--accept-rollback", check=False)
    assert forced.returncode == 1 and "roll the record back" in forced.stderr
    assert "2 projects verified" in forced.stdout

    # A damaged backup is refused before anything is written.
    with (second / "database.sqlite3").open("r+b") as f:
        f.seek(200)
        f.write(b"\xff\xff")
    damaged = site.site_env(tmp_path / "damaged", WORKINGS_SIGNING_KEY_FILE=str(key))
    refused = site.run(damaged, "restore", str(second), check=False)
    assert refused.returncode == 2 and "database.sqlite3 is missing or damaged" in refused.stderr
