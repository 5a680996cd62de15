"""Notices and e-mail choices over the API (for the signed-in person only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from workings.core.exceptions import NotFound
from workings.core.schema import InputSchema
from workings.notifications import selectors, services
from workings.projects.models import Project

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    url: str
    project: str | None
    due_on: dt.date | None
    due_to_me: bool
    created_on: dt.date
    read: bool


class ReadIn(InputSchema):
    id: int | None = None


class PreferenceOut(Schema):
    project: str
    mode: str


class PreferenceIn(InputSchema):
    project: str
    mode: str


@router.get("/notifications", response=list[NotificationOut])
def notification_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": n.pk,
            "kind": n.kind,
            "title": n.title,
            "url": n.url,
            "project": n.project.slug if n.project else None,
            "due_on": n.due_on,
            "due_to_me": n.due_to_me,
            "created_on": n.created_at.date(),
            "read": n.read_at is not None,
        }
        for n in selectors.notifications_for(user=request.user)[:200]
    ]


@router.post("/notifications/read", response=dict)
def notification_read(request: HttpRequest, payload: ReadIn) -> dict[str, int]:
    count = services.notification_mark_read(actor=request.user, notification_id=payload.id)
    return {"marked_read": count}


@router.get("/notifications/preferences", response=list[PreferenceOut])
def notification_preferences(request: HttpRequest) -> list[dict[str, str]]:
    return [
        {"project": r["project"].slug, "mode": r["mode"]}
        for r in selectors.preferences_for(user=request.user)
    ]


@router.put("/notifications/preferences", response=PreferenceOut)
def notification_preference_set(request: HttpRequest, payload: PreferenceIn) -> dict[str, str]:
    project = Project.objects.filter(slug=payload.project).first()
    if project is None:
        raise NotFound(_("We could not find that project."))
    pref = services.preference_set(actor=request.user, project=project, mode=payload.mode)
    return {"project": project.slug, "mode": pref.mode}
