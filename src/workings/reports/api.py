"""Reports over the API: the annex as JSON (workings-annex/1) and the registrations list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from workings.accounts.api_auth import project_auth
from workings.reports import annex, selectors
from workings.reports.permissions import report_policy

router = Router(tags=["reports"])
READ = project_auth("view_record", public=True)


class RegistrationOut(Schema):
    uuid: str
    audience: str
    checkpoint_size: int
    title: str
    registered_at: dt.datetime
    withdrawn: bool
    withdrawn_reason: str
    url: str


@router.get(
    "/projects/{slug}/reports/annex/{audience}",
    auth=READ,
    response=dict[str, Any],
    url_name="reports_annex",
)
def annex_json(
    request: HttpRequest, slug: str, audience: str, checkpoint: int | None = None
) -> Any:
    """The co-production annex for an audience, as of a checkpoint (default: the latest),
    with every cited entry's leaf and inclusion proof."""
    project = request.project  # type: ignore[attr-defined]
    report_policy.check_audience(request.user, project, audience)
    return annex.build(project=project, audience=audience, checkpoint_size=checkpoint)


@router.get(
    "/projects/{slug}/reports/registrations",
    auth=READ,
    response=list[RegistrationOut],
    url_name="reports_registrations",
)
def registrations(request: HttpRequest, slug: str) -> Any:
    project = request.project  # type: ignore[attr-defined]
    audiences = report_policy.audiences_for(request.user, project)
    return [
        {
            "uuid": str(r.uuid),
            "audience": r.audience,
            "checkpoint_size": r.checkpoint_size,
            "title": r.title,
            "registered_at": r.registered_at,
            "withdrawn": r.is_withdrawn,
            "withdrawn_reason": r.withdrawn_reason,
            "url": request.build_absolute_uri(r.get_absolute_url()),
        }
        for r in selectors.registrations_for(project=project, audiences=audiences)
    ]
