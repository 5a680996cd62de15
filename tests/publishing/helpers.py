from __future__ import annotations

from typing import Any

from tests.record import helpers as record
from workings.events.models import Entry
from workings.publishing import services

SECRET_WORDS = "UNCONSENTEDWORDSMARKER about the shops"


def published(world: Any) -> None:
    world.project.is_published = True
    world.project.save(update_fields=["is_published"])


def contributor_feedback(world: Any, text: str = SECRET_WORDS) -> Entry:
    """A public entry written by the contributor (feedback), and its log entry."""
    item = record.feedback(world, title="Shops", text=text)
    return Entry.objects.get(log__project=world.project, seq=item.last_event_seq)


def comment(world: Any, body: str = "Good work, thank you.", **over: Any) -> Any:
    found, _secret = services.comment_submit(project=world.project, name="Pat", body=body, **over)
    return found
