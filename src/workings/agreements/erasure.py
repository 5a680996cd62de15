"""Erasers for the agreement: a party's comments and the words beside their signature.
Registered with the log at ready(); see workings.events.erasure."""

from __future__ import annotations

from workings.agreements.models import AgreementComment, AgreementSignature
from workings.events.erasure import Blank, register_eraser


def _words(
    row: AgreementComment | AgreementSignature, field: str, owner_id: int | None
) -> list[Blank]:
    old = getattr(row, field)
    if owner_id is None or not old:
        return []
    row.__class__.objects.filter(pk=row.pk).update(**{field: ""})
    setattr(row, field, "")
    return [Blank(row, {field: old})]


def erase_comment(comment: AgreementComment, author_id: int | None) -> list[Blank]:
    if comment.author_id != author_id:
        return []
    return _words(comment, "body", author_id)


def erase_signature_words(signature: AgreementSignature, author_id: int | None) -> list[Blank]:
    if signature.party_id != author_id:
        return []
    return _words(signature, "words", author_id)


def register() -> None:
    register_eraser(AgreementComment.snapshot_label(), erase_comment)
    register_eraser(AgreementSignature.snapshot_label(), erase_signature_words)
