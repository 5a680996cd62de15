"""Notices and erasure: a notice's title that quoted erased words is replaced, and the
author of words erased on a data-protection request is told why. Registered at ready();
see workings.events.erasure."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from workings.accounts import header
from workings.events.erasure import Erased, register_listener, register_scrubber
from workings.notifications.models import Notification
from workings.notifications.services import notify
from workings.projects.models import Project

ERASED_TITLE = "A notice about words that have since been erased"


def scrub_titles(project: Any, words: set[str]) -> None:
    notices = Notification.objects.filter(project_id=project.pk).only("pk", "user_id", "title")
    stale = [n for n in notices if any(w in n.title for w in words)]
    if stale:
        Notification.objects.filter(pk__in=[n.pk for n in stale]).update(title=ERASED_TITLE)
        header.bump(n.user_id for n in stale)  # their kept list of new notices is stale


def tell_author(erased: Erased) -> None:
    """Someone else's request erased your words: you are told, with the reason given."""
    if not erased.on_request or erased.author_id is None:
        return
    project = Project.objects.filter(pk=erased.project_id).first()
    if project is None:
        return
    notify(
        user_ids=[erased.author_id],
        project=project,
        kind="entry.erased_on_request",
        title=(
            f"Entry {erased.seq} you wrote was erased on a data-protection request. "
            f"Reason: {' '.join(erased.reason.split())}"
        ),
        url=reverse("events:record", kwargs={"slug": project.slug}),
        key=f"erased:{erased.project_id}:{erased.seq}",
    )


def register() -> None:
    register_scrubber(scrub_titles)
    register_listener(tell_author)
