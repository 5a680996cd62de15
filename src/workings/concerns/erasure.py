"""Erasers for concerns: an open concern's words are its raiser's, a reply's its author's.
(Sealed entries are never erased through the log's erasure; see docs/decisions/erasure.md.)
Registered with the log at ready(); see workings.events.erasure."""

from __future__ import annotations

from typing import Any

from workings.concerns.models import Concern, Reply
from workings.events.erasure import Blank, register_eraser


def _blank(row: Any, names: list[str]) -> list[Blank]:
    old = {n: getattr(row, n) for n in names if getattr(row, n)}
    if not old:
        return []
    row.__class__.objects.filter(pk=row.pk).update(**dict.fromkeys(names, ""))
    for n in names:
        setattr(row, n, "")
    return [Blank(row, old)]


def erase_concern(concern: Concern, author_id: int | None) -> list[Blank]:
    if author_id is None or concern.raised_by_id != author_id or concern.is_sealed:
        return []
    return _blank(concern, ["subject", "what_happened", "outcome_wanted"])


def erase_reply(reply: Reply, author_id: int | None) -> list[Blank]:
    if author_id is None or reply.author_id != author_id or reply.concern.is_sealed:
        return []
    return _blank(reply, ["body"])


def register() -> None:
    register_eraser(Concern.snapshot_label(), erase_concern)
    register_eraser(Reply.snapshot_label(), erase_reply)
