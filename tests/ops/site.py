"""A small real site in a temporary folder, driven through `workings` subprocesses: for the
backup drill (SQLite) and the deployment tests (PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WORKINGS = Path(sys.executable).parent / "workings"

# Builds the world project (tests/factories.py) and `n` record entries, one with a file.
BUILD = r"""
import json, sys, django
django.setup()
from django.core.management import call_command
from workings.events import keys
if not keys.key_path().exists():
    keys.keys_init(name="workings.site")
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from tests.factories import build_world
from workings.record import services as rs
world = build_world()
lead = world.users["lead"]
who = world.users["contributor"]
for i in range(int(sys.argv[1])):
    rs.feedback_give(actor=who, project=world.project, area="methods", title=f"Feedback {i}",
                     text=f"What the group said, part {i}.")
rs.meeting_record(actor=lead, project=world.project, occurred_on="2026-01-05",
                  activity="meeting", title="First meeting", summary="We met.", hours="1",
                  participants=[world.memberships["contributor"].pk],
                  attachments=[("notes.txt", b"Notes of the first meeting.")])
from workings.accounts.services import token_create
tokens = {r: token_create(actor=world.users[r], name="deploy test")[1]
          for r in ("lead", "contributor", "researcher")}
print(json.dumps({"slug": world.project.slug, "tokens": tokens}))
"""


def site_env(var_dir: Path, database_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WORKINGS_", "DATABASE_"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        WORKINGS_TESTING="1",
        WORKINGS_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="workings.settings",
        PYTHONPATH=f"{ROOT}:{ROOT / 'src'}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WORKINGS_SEALED_BATCH="0",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra)
    return env


def run(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(WORKINGS), *args], env=env, capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    if check and result.returncode != 0:
        raise AssertionError(f"workings {' '.join(args)}: {result.stdout}{result.stderr}")
    return result


def build(env: dict[str, str], entries: int = 5) -> dict[str, Any]:
    """Builds the site; returns {"slug": the world project's, "tokens": {role: API token}}."""
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(entries)],
        env=env, capture_output=True, text=True, timeout=300, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def python(env: dict[str, str], code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=env, capture_output=True, text=True, timeout=300, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout
