from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from workings.events.models import Checkpoint, Entry, Log


def log_for(*, project: Any) -> Log:
    return Log.objects.get(project_id=project.pk)


def latest_checkpoint(*, project: Any) -> Checkpoint | None:
    return Checkpoint.objects.filter(log__project_id=project.pk).order_by("-size").first()


def entry_page(*, project: Any, before: int | None, limit: int = 50) -> list[Entry]:
    """Newest first, keyset-paginated on seq (never OFFSET)."""
    entries: QuerySet[Entry] = Entry.objects.filter(log__project_id=project.pk).select_related(
        "actor", "body"
    )
    if before is not None:
        entries = entries.filter(seq__lt=before)
    return list(entries.order_by("-seq")[:limit])
