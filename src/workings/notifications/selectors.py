from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from workings.notifications.models import Mode, Notification, Preference
from workings.projects.models import Membership


def notifications_for(*, user: Any, unread_only: bool = False) -> QuerySet[Notification]:
    qs = Notification.objects.filter(user=user).select_related("project")
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    # What is due first, then the newest.
    return qs.order_by("read_at", "-due_to_me", "-created_at", "-id")


def preferences_for(*, user: Any) -> list[dict[str, Any]]:
    memberships = Membership.objects.filter(user=user, left_at__isnull=True).select_related(
        "project"
    )
    chosen = dict(Preference.objects.filter(user=user).values_list("project_id", "mode"))
    return [
        {"project": m.project, "mode": chosen.get(m.project_id, Mode.EVERY)} for m in memberships
    ]
