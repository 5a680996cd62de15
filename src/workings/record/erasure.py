"""Erasers for the working record: blank what an entry's author wrote in a row (and in any
row that quotes it), when that entry is erased. Registered with the log at ready();
see workings.events.erasure and docs/decisions/erasure.md."""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage

from workings.events.erasure import Blank, register_eraser
from workings.record.models import (
    AccountVersion,
    Attachment,
    DecisionView,
    Disagreement,
    Feedback,
    Item,
    Position,
    PositionVersion,
)

ERASED_CORRECTION_TITLE = "Correction to an erased entry"


def _blank(row: Any, names: list[str], *, key: dict[str, str] | None = None) -> Blank | None:
    """Blank the named text fields of a row; None if they were already empty."""
    key = key or {}
    old = {key.get(n, n): getattr(row, n) for n in names if getattr(row, n)}
    if not old:
        return None
    row.__class__.objects.filter(pk=row.pk).update(**dict.fromkeys(names, ""))
    for n in names:
        setattr(row, n, "")
    return Blank(row, old)


def _drop_file(attachment: Attachment) -> Blank | None:
    path = attachment.file.name
    if path and not Attachment.objects.filter(file=path).exclude(pk=attachment.pk).exists():
        default_storage.delete(path)
    if path:
        Attachment.objects.filter(pk=attachment.pk).update(file="")
    return _blank(attachment, ["name"])


def erase_item(item: Item, author_id: int | None) -> list[Blank]:
    if author_id is None or item.author_id != author_id:
        return []
    out = [_blank(item, ["title", "body"])]
    AccountVersion.objects.filter(item=item).update(text="")
    for correction in Item.objects.filter(corrects=item).exclude(title=ERASED_CORRECTION_TITLE):
        old = correction.title
        Item.objects.filter(pk=correction.pk).update(title=ERASED_CORRECTION_TITLE)
        correction.title = ERASED_CORRECTION_TITLE
        out.append(Blank(correction, {"title": old}))
    feedback = Feedback.objects.filter(item=item).first()
    if feedback is not None:
        out += erase_feedback(feedback, author_id)
    for attachment in Attachment.objects.filter(item=item):
        out.append(_drop_file(attachment))
    return [b for b in out if b is not None]


def erase_feedback(feedback: Feedback, author_id: int | None) -> list[Blank]:
    if author_id is None:
        return []
    names = []
    if feedback.answered_by_id == author_id:
        names += ["what_done", "why"]
    if feedback.item.author_id == author_id:
        names += ["on_behalf_of", "satisfaction_why"]
    blank = _blank(feedback, names) if names else None
    return [blank] if blank else []


def erase_position(position: Position, author_id: int | None) -> list[Blank]:
    if author_id is None or position.author_membership.user_id != author_id:
        return []
    PositionVersion.objects.filter(position=position).update(text="")
    blank = _blank(position, ["text"])
    return [blank] if blank else []


def erase_view(view: DecisionView, author_id: int | None) -> list[Blank]:
    if author_id is None or view.membership.user_id != author_id:
        return []
    blank = _blank(view, ["words"])
    return [blank] if blank else []


def erase_outcome(disagreement: Disagreement, author_id: int | None) -> list[Blank]:
    if author_id is None or disagreement.outcome_by_id != author_id:
        return []
    names = ["outcome_text", "what_changed", "research_team_gave", "contributors_gave"]
    blank = _blank(disagreement, names)
    return [blank] if blank else []


def erase_attachment(attachment: Attachment, author_id: int | None) -> list[Blank]:
    if author_id is None or attachment.item.author_id != author_id:
        return []
    blank = _drop_file(attachment)
    return [blank] if blank else []


def register() -> None:
    register_eraser(Item.snapshot_label(), erase_item)
    register_eraser(Feedback.snapshot_label(), erase_feedback)
    register_eraser(Position.snapshot_label(), erase_position)
    register_eraser(DecisionView.snapshot_label(), erase_view)
    register_eraser(Disagreement.snapshot_label(), erase_outcome)
    register_eraser(Attachment.snapshot_label(), erase_attachment)
