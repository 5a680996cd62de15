"""Writes for a person's data download (everything Workings holds about them).

The person asks (``data_export_request``, in the request: one row and one queued task, in
one transaction); a worker builds the file (``data_export_make``, `workings worker`), keeps
it in the site's file storage under a name nobody can guess, and tells the person with a
notice (and an e-mail, by their choice, which a worker sends too). The file is handed only
to its owner (selectors.data_export_for), and deleted when it expires
(``data_exports_expire``, a periodic job) or when the person is erased (``data_exports_erase``,
registered in person_data.py). A build that fails leaves no file and says so on the page.
See docs/decisions/person-data-download.md.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from workings.accounts import selectors
from workings.accounts.models import DataExport, User
from workings.accounts.permissions import account_policy
from workings.core import clock
from workings.core.exceptions import NotAllowed
from workings.core.notify import notify

FOLDER = "person-data"
# A request whose worker died mid-build stops blocking a new request after this long.
STALE_AFTER = dt.timedelta(hours=1)
WAITING = (DataExport.Status.QUEUED, DataExport.Status.RUNNING)


def data_export_request(*, actor: Any) -> tuple[DataExport, bool]:
    """Queue a data download for the person; (the row, whether it is new). One waiting
    request per person: asking again while one is being made returns that one."""
    if not account_policy.can_manage_profile(actor):
        raise NotAllowed(_("Sign in to download your data."))
    from workings.accounts import tasks

    with transaction.atomic():
        # One person's requests one at a time, so two clicks make one download.
        User.objects.select_for_update().filter(pk=actor.pk).first()
        waiting = DataExport.objects.filter(
            user=actor, status__in=WAITING, requested_at__gt=clock.now() - STALE_AFTER
        ).first()
        if waiting is not None:
            return waiting, False
        export = DataExport.objects.create(user=actor, requested_at=clock.now())
        # The database queue stores the task in this transaction: no row without its task.
        tasks.enqueue(export)
    export.refresh_from_db()  # a worker in this process (tests) may have made it already
    return export, True


def _build(export: DataExport) -> bytes:
    data = selectors.person_data(export.user)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def data_export_make(*, export_id: int) -> DataExport | None:
    """Build one requested download (the worker's task). None when another worker has it
    or it is already made. On failure nothing is kept but the row's 'failed' state."""
    claimed = DataExport.objects.filter(pk=export_id, status=DataExport.Status.QUEUED).update(
        status=DataExport.Status.RUNNING
    )
    if not claimed:
        return None
    export = DataExport.objects.select_related("user").get(pk=export_id)
    name = ""
    try:
        # One savepoint: a database error while reading leaves the row writable below.
        with transaction.atomic():
            body = _build(export)
            name = default_storage.save(f"{FOLDER}/{export.uuid}.json", ContentFile(body))
            now = clock.now()
            DataExport.objects.filter(pk=export.pk).update(
                status=DataExport.Status.READY,
                file_name=name,
                size=len(body),
                finished_at=now,
                expires_at=now + dt.timedelta(hours=settings.WORKINGS_DATA_EXPORT_HOURS),
                error="",
            )
            notify(
                user_ids=[export.user_id],
                project=None,
                kind="accounts.data_ready",
                title=_("Your data download is ready"),
                url=reverse("accounts:data"),
            )
    except Exception as exc:  # noqa: BLE001 - stored for the page, then re-raised for the queue
        if name:
            default_storage.delete(name)
        DataExport.objects.filter(pk=export.pk).update(
            status=DataExport.Status.FAILED,
            file_name="",
            size=0,
            finished_at=clock.now(),
            error=f"{type(exc).__name__}: {exc}"[:300],
        )
        raise
    export.refresh_from_db()
    return export


def _delete_file(name: str) -> None:
    if name:
        default_storage.delete(name)


def data_exports_expire() -> int:
    """Delete the files of downloads past their time (a periodic job); how many."""
    done = 0
    due = DataExport.objects.filter(status=DataExport.Status.READY, expires_at__lte=clock.now())
    for export in due.order_by("pk"):
        # The file goes first: a row that still says 'ready' with no file is a plain 404.
        _delete_file(export.file_name)
        done += DataExport.objects.filter(pk=export.pk, status=DataExport.Status.READY).update(
            status=DataExport.Status.EXPIRED, file_name="", size=0
        )
    return done


def data_exports_erase(person: Any) -> int:
    """Erasure of a person: their download files and rows are removed."""
    exports = list(DataExport.objects.filter(user=person))
    for export in exports:
        _delete_file(export.file_name)
    DataExport.objects.filter(pk__in=[e.pk for e in exports]).delete()
    return len(exports)
