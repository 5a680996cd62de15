"""The signed-in person's own data over the API, made by a worker (as on /profile/data/):
ask for it (POST /me/data), watch it (GET /me/data/{uuid}), fetch it (GET .../file)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from workings.accounts import export_services, selectors
from workings.accounts.models import DataExport
from workings.accounts.permissions import account_policy
from workings.core.exceptions import NotAllowed, NotFound

router = Router(tags=["accounts"])


class DataExportOut(Schema):
    uuid: str
    status: str  # queued, running, ready, failed, expired
    requested_at: dt.datetime
    finished_at: dt.datetime | None
    expires_at: dt.datetime | None
    size: int
    file_url: str | None  # only when ready


def _check(request: HttpRequest) -> None:
    if not account_policy.can_manage_profile(request.user):
        raise NotAllowed(_("Sign in to download your data."))


def _out(request: HttpRequest, export: DataExport) -> dict[str, Any]:
    ready = export.status == DataExport.Status.READY
    url = reverse("api:my_data_file", kwargs={"uuid": str(export.uuid)})
    return {
        "uuid": str(export.uuid),
        "status": export.status,
        "requested_at": export.requested_at,
        "finished_at": export.finished_at,
        "expires_at": export.expires_at,
        "size": export.size,
        "file_url": request.build_absolute_uri(url) if ready else None,
    }


def _own(request: HttpRequest, uuid: str) -> DataExport:
    export = selectors.data_export_for(user=request.user, uuid=uuid)
    if export is None:
        raise NotFound(_("You have no data download with that number."))
    return export


@router.get("/me/data", response=list[DataExportOut], url_name="my_data")
def my_data(request: HttpRequest) -> list[dict[str, Any]]:
    """Your latest data downloads, newest first, with their status."""
    _check(request)
    return [_out(request, e) for e in selectors.data_exports_of(user=request.user)]


@router.post("/me/data", response={202: DataExportOut}, url_name="my_data")
def my_data_request(request: HttpRequest) -> Status:
    """Ask for a download of everything Workings holds about you. A worker makes it within
    minutes; asking again while one is being made returns that one."""
    _check(request)
    export, _created = export_services.data_export_request(actor=request.user)
    return Status(202, _out(request, export))


@router.get("/me/data/{uuid}", response=DataExportOut, url_name="my_data_status")
def my_data_status(request: HttpRequest, uuid: str) -> dict[str, Any]:
    """One of your data downloads: queued, running, ready (with file_url), failed, expired."""
    _check(request)
    return _out(request, _own(request, uuid))


@router.get("/me/data/{uuid}/file", url_name="my_data_file")
def my_data_file(request: HttpRequest, uuid: str) -> FileResponse:
    """The file of a ready download (JSON, format workings-person-data/1); yours only."""
    _check(request)
    opened = selectors.data_export_file(_own(request, uuid))
    if opened is None:
        raise NotFound(_("This download is not ready, or is no longer kept."))
    response = FileResponse(opened, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="workings-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response
