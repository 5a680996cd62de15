"""A person's data download: asked for in a request, made by the worker, kept as a private
file that only its owner can fetch, deleted when it expires or the person is erased, and
nothing kept when the build fails half-way."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from tests.factories import make_user
from workings.accounts import export_services, tasks
from workings.accounts.models import DataExport
from workings.core.person_data import holdings
from workings.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def _ready(user: Any) -> DataExport:
    export, created = export_services.data_export_request(actor=user)
    assert created and export.status == DataExport.Status.READY  # tests run tasks at once
    return export


def test_the_request_only_queues_and_the_worker_makes_the_file(
    world: Any, client_for: Any, media: Path, monkeypatch: Any
) -> None:
    queued: list[int] = []
    monkeypatch.setattr(tasks, "enqueue", lambda export: queued.append(export.pk))
    person = world.users["contributor"]
    client = client_for(person)
    response = client.post("/profile/data/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "We are preparing your data" in page and "Being prepared" in page
    export = DataExport.objects.get(user=person)
    assert queued == [export.pk]  # queued in the request, not made there
    assert export.status == DataExport.Status.QUEUED and _files(media) == []
    # Asking again while it is being made does not queue a second one.
    client.post("/profile/data/")
    assert DataExport.objects.filter(user=person).count() == 1 and len(queued) == 1

    tasks.make_data_export.func(export.pk)  # what `workings worker` runs
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY and export.size > 0
    assert export.expires_at > export.finished_at
    assert [p.name for p in _files(media)] == [f"{export.uuid}.json"]
    notice = Notification.objects.get(user=person, kind="accounts.data_ready")
    assert notice.url == "/profile/data/"
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "ready" in mail.outbox[0].subject
    assert tasks.make_data_export.func(export.pk) is None  # a second worker does nothing
    page = client.get("/profile/data/").content.decode()
    assert f"/profile/data/{export.uuid}/download/" in page


def test_the_file_holds_what_the_registry_lists(world: Any, client_for: Any, media: Path) -> None:
    person = world.users["contributor"]
    export = _ready(person)
    response = client_for(person).get(f"/profile/data/{export.uuid}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "no-store"
    data = json.loads(b"".join(response.streaming_content))
    assert data["format"] == "workings-person-data/1"
    assert data["account"]["email"] == person.email
    assert [s["key"] for s in data["sections"]] == [h.label for h in holdings()]
    memberships = next(s for s in data["sections"] if s["key"] == "projects.Membership")
    assert memberships["rows"], "the contributor is a member of the project"
    others = [u.email for u in world.users.values() if u is not None and u.pk != person.pk]
    text = json.dumps(data)
    assert not [address for address in others if address in text]


def test_only_the_owner_can_fetch_it(world: Any, client_for: Any, media: Path) -> None:
    person = world.users["contributor"]
    export = _ready(person)
    staff = make_user("admin@example.org", "Site Admin")
    staff.is_staff = staff.is_superuser = True
    staff.save()
    page_url = f"/profile/data/{export.uuid}/download/"
    api_urls = (f"/api/v1/me/data/{export.uuid}", f"/api/v1/me/data/{export.uuid}/file")
    for other in (world.users["lead"], world.users["researcher"], world.users["outsider"], staff):
        client = client_for(other)
        assert client.get(page_url).status_code == 404
        for url in api_urls:
            response = client.get(url)
            assert response.status_code == 404, (other, url)
            assert person.email not in response.content.decode()
        listed = client.get("/api/v1/me/data").json()
        assert str(export.uuid) not in json.dumps(listed)
    signed_out = Client()
    assert "/accounts/login/" in signed_out.get(page_url)["Location"]
    assert signed_out.get(api_urls[1]).status_code == 401


def test_the_api_asks_watches_and_fetches(world: Any, client_for: Any, media: Path) -> None:
    person = world.users["researcher"]
    client = client_for(person)
    asked = client.post("/api/v1/me/data")
    assert asked.status_code == 202
    body = asked.json()
    assert body["status"] == "ready" and body["file_url"].endswith("/file")
    status = client.get(f"/api/v1/me/data/{body['uuid']}").json()
    assert status["uuid"] == body["uuid"] and status["size"] > 0
    assert [e["uuid"] for e in client.get("/api/v1/me/data").json()] == [body["uuid"]]
    file = client.get(f"/api/v1/me/data/{body['uuid']}/file")
    assert json.loads(b"".join(file.streaming_content))["account"]["email"] == person.email


@pytest.mark.parametrize("where", ["reading", "after the file was saved"])
def test_a_build_that_fails_half_way_leaves_nothing(
    world: Any, client_for: Any, media: Path, monkeypatch: Any, where: str
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the disk went away")

    if where == "reading":
        monkeypatch.setattr("workings.accounts.selectors.person_data", broken)
    else:
        monkeypatch.setattr(export_services, "notify", broken)
    person = world.users["contributor"]
    client = client_for(person)
    client.post("/profile/data/")
    export = DataExport.objects.get(user=person)
    assert export.status == DataExport.Status.FAILED and export.file_name == ""
    assert "the disk went away" in export.error
    assert _files(media) == []
    assert not Notification.objects.filter(user=person, kind="accounts.data_ready").exists()
    assert client.get(f"/profile/data/{export.uuid}/download/").status_code == 404
    page = client.get("/profile/data/").content.decode()
    assert "no file was made" in page and "the disk went away" not in page
    monkeypatch.undo()
    again, created = export_services.data_export_request(actor=person)  # asking again works
    assert created and again.status == DataExport.Status.READY


def test_expired_downloads_are_deleted(world: Any, client_for: Any, media: Path) -> None:
    person = world.users["contributor"]
    export = _ready(person)
    assert export_services.data_exports_expire() == 0
    DataExport.objects.filter(pk=export.pk).update(
        expires_at=export.expires_at - dt.timedelta(days=30)
    )
    client = client_for(person)
    url = f"/profile/data/{export.uuid}/download/"
    assert client.get(url).status_code == 404  # past its time even before the sweep
    assert export_services.data_exports_expire() == 1
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and _files(media) == []
    assert "No longer kept" in client.get("/profile/data/").content.decode()


def test_erasing_the_person_removes_their_downloads(world: Any, media: Path) -> None:
    from workings.core.person_data import erase_outside_log

    person = world.users["contributor"]
    _ready(person)
    _ready(world.users["lead"])
    assert len(_files(media)) == 2
    done = erase_outside_log(person)
    assert done["accounts.DataExport"] == 1
    assert not DataExport.objects.filter(user=person).exists()
    assert len(_files(media)) == 1  # the lead's is theirs to keep


SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests.factories import make_user
from workings.accounts.export_services import data_export_request
person = make_user("pat@example.org", "Pat Person")
export, created = data_export_request(actor=person)
print("queued", export.status)
"""

CHECK = """
import django, json
django.setup()
from django.core.files.storage import default_storage
from workings.accounts.models import DataExport
from workings.notifications.models import Notification
export = DataExport.objects.get()
data = json.loads(default_storage.open(export.file_name).read())
notices = Notification.objects.filter(kind="accounts.data_ready").count()
print(export.status, data["account"]["email"], notices)
"""


def test_a_real_worker_makes_the_download(tmp_path: Path) -> None:
    """The database queue and `workings worker`, as on a server: the request leaves it
    queued, one worker round makes it."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "WORKINGS_TESTING")}
    env.update(
        WORKINGS_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="workings.settings",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    run = {"env": env, "capture_output": True, "text": True, "timeout": 240}
    setup = subprocess.run([sys.executable, "-c", SETUP], **run)  # noqa: S603
    assert setup.returncode == 0, setup.stderr[-2000:]
    assert setup.stdout.strip().endswith("queued queued")
    worker = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "workings.cli", "worker", "--batch", "--no-periodic"], **run
    )
    assert worker.returncode == 0, worker.stderr[-2000:]
    check = subprocess.run([sys.executable, "-c", CHECK], **run)  # noqa: S603
    assert check.returncode == 0, check.stderr[-2000:]
    assert check.stdout.strip().splitlines()[-1] == "ready pat@example.org 1"
