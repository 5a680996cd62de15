"""Storing a witness's cosignature on a checkpoint (C2SP tlog-cosignature), and serving the
checkpoint with every cosignature it has. The witness (a funder organisation, in the funders
app) decides whether to sign; this module only refuses what does not verify."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import ValidationFailed
from workings.events.models import Checkpoint, Cosignature
from workings.ledger.checkpoint import NoteError
from workings.verifier.cosignature import add_cosignature, verify_cosignature


def cosignature_add(*, checkpoint: Checkpoint, witness_key: str, line: str) -> Cosignature:
    """Keep a cosignature after checking it signs exactly this checkpoint: a forged or
    misplaced one is refused with a plain message and nothing is written."""
    try:
        found = verify_cosignature(add_cosignature(checkpoint.note, line), witness_key)
    except NoteError as exc:
        raise ValidationFailed(
            _("This cosignature does not check out: %(why)s") % {"why": exc}, field="line"
        ) from None
    try:
        with transaction.atomic():
            return Cosignature.objects.create(
                checkpoint=checkpoint,
                witness_key=witness_key,
                line=found.line,
                timestamp=found.timestamp,
                created_at=clock.now(),
            )
    except IntegrityError:
        raise ValidationFailed(_("This witness has already cosigned this checkpoint.")) from None


def cosigned_note(checkpoint: Checkpoint) -> str:
    """The checkpoint's note with every witness's cosignature line added."""
    note = checkpoint.note
    for cosignature in checkpoint.cosignatures.order_by("witness_key"):
        note = add_cosignature(note, cosignature.line)
    return note


def cosigned_notes(log_id: int, notes: Iterable[tuple[int, str]]) -> Iterator[str]:
    """(size, note) pairs of a log, in order, as notes with their cosignatures (one query
    for the whole log's cosignatures, which are few: witnesses sign the newest only)."""
    lines: dict[int, list[str]] = {}
    rows = Cosignature.objects.filter(checkpoint__log_id=log_id).order_by("witness_key")
    for size, line in rows.values_list("checkpoint__size", "line"):
        lines.setdefault(size, []).append(line)
    for size, note in notes:
        for line in lines.get(size, ()):
            note = add_cosignature(note, line)
        yield note
