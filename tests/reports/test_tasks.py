"""Large annexes in the background: the immediate backend in tests, and one real worker
end to end against a temporary SQLite file database."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from workings.reports import files
from workings.reports.models import AnnexFile

pytestmark = pytest.mark.django_db


def test_background_file_shows_progress_and_is_reused(world: Any, client_for: Any) -> None:
    client = client_for(world.users["lead"])
    url = reverse("reports:annex-download", args=[world.project.slug, "team", "md"])
    response = client.get(url, {"background": "1"})
    assert response.status_code == 302
    row = AnnexFile.objects.get()
    assert row.status == AnnexFile.Status.DONE and row.progress == 100
    page = client.get(response["Location"])
    assert b"Ready" in page.content and b"100%" in page.content
    download = client.get(response["Location"], {"download": "1"})
    assert download.content.startswith(b"# Co-production annex")
    again = client.get(url, {"background": "1"})  # ready: served at once, not made again
    assert again.status_code == 200 and again.content == download.content
    assert AnnexFile.objects.count() == 1


def test_large_pdf_goes_to_the_background(world: Any, client_for: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(files, "INLINE_PDF_MAX_ENTRIES", 1)
    client = client_for(world.users["researcher"])
    response = client.get(
        reverse("reports:annex-download", args=[world.project.slug, "team", "pdf"])
    )
    assert response.status_code == 302
    row = AnnexFile.objects.get()
    assert (row.fmt, row.status) == ("pdf", AnnexFile.Status.DONE)
    # Another audience's file is not reachable through this one's link.
    funder = client_for(world.users["funder"]).get(response["Location"])
    assert funder.status_code == 403


SETUP = """
import os
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from workings.events import keys
keys.keys_init(name="workings.worker-test")
from tests.factories import make_user, make_project
from tests.events.helpers import add_events
from workings.reports import files, tasks
lead = make_user("lead@example.org", "Lena Lead")
project = make_project(lead, "Worker project")
add_events(project, lead, 5)
row, new = files.file_for(
    project=project, audience="team", checkpoint_size=None, fmt="pdf", actor=lead
)
tasks.enqueue(row)
print("queued", row.uuid)
"""

CHECK = """
import django
django.setup()
from workings.reports.models import AnnexFile
row = AnnexFile.objects.get()
print(row.status, row.progress, bytes(row.data or b"")[:5])
"""


def test_real_worker_end_to_end(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "WORKINGS_TESTING")}
    env.update(
        WORKINGS_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="workings.settings",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    run = {"env": env, "capture_output": True, "text": True, "timeout": 240}
    setup = subprocess.run([sys.executable, "-c", SETUP], **run)  # noqa: S603
    assert setup.returncode == 0, setup.stderr[-2000:]
    assert "queued" in setup.stdout
    worker = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "workings.cli", "worker", "--batch"], **run
    )
    assert worker.returncode == 0, worker.stderr[-2000:]
    check = subprocess.run([sys.executable, "-c", textwrap.dedent(CHECK)], **run)  # noqa: S603
    assert check.returncode == 0, check.stderr[-2000:]
    assert check.stdout.strip() == "done 100 b'%PDF-'"
