"""What ties a version to the ledger: its content hash and the checkpoint it belongs to."""

from __future__ import annotations

import hashlib
from typing import Any

from workings.events.models import Checkpoint
from workings.ledger.canonical import canonical_json


def canonical_content(*, origin: str, number: int, content: dict[str, Any]) -> bytes:
    """RFC 8785 JSON of what a party signs: which log, which version, and every word and
    figure of it. Including the origin and number means two versions with the same words
    still have different hashes, so a signature can only ever be for one exact version."""
    return canonical_json({"log": origin, "version": number, "content": content})


def content_hash(*, origin: str, number: int, content: dict[str, Any]) -> str:
    return hashlib.sha256(
        canonical_content(origin=origin, number=number, content=content)
    ).hexdigest()


def version_hash(version: Any) -> str:
    """The stored hash once proposed (never recomputed then), the live one for a draft."""
    if version.content_hash:
        return str(version.content_hash)
    return content_hash(
        origin=version.project.log_origin, number=version.number, content=version.content
    )


def checkpoint_for(version: Any) -> Checkpoint | None:
    """The latest signed checkpoint at or after the version's last event (None for a version
    with no event yet, which cannot happen through the services)."""
    if version.last_event_seq is None:
        return None
    return (
        Checkpoint.objects.filter(
            log__project_id=version.project_id, size__gt=version.last_event_seq
        )
        .order_by("-size")
        .first()
    )


def checkpoint_summary(checkpoint: Checkpoint | None) -> dict[str, Any] | None:
    if checkpoint is None:
        return None
    return {
        "size": checkpoint.size,
        "root": bytes(checkpoint.root).hex(),
        "note": checkpoint.note,
        "created_at": checkpoint.created_at,
    }
