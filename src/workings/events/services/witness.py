"""A witness visit: the witness checks the log only grew since its last visit."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed
from workings.events import keys
from workings.events.models import (
    Checkpoint,
    Log,
    WitnessedCheckpoint,
)
from workings.ledger.checkpoint import NoteError, verify_note
from workings.verifier.witness import WitnessAlarm, WitnessState, witness_update


@transaction.atomic
def _same_key_as_before(kept_note: str) -> None:
    """The witness trusted the key that signed what it kept. If today's key cannot verify
    that note, the site's key was replaced: say so loudly rather than quietly trusting the
    new one."""
    try:
        verify_note(kept_note, [keys.verifier_key()])
    except NoteError:
        raise WitnessAlarm(
            "ALARM: the log's signing key has changed since you last witnessed this log. "
            "Ask the site why, and check the new public key with them by another route "
            "before you trust anything signed with it."
        ) from None


def witness_visit(*, actor: Any, project: Any) -> WitnessedCheckpoint | None:
    """A funder reviewer's view keeps the current checkpoint after checking it against the
    last one it kept: a valid signature and a consistency proof. Anything else is kept too,
    marked inconsistent with the alarm, so the alarm cannot be lost by reloading the page."""
    from workings.events import selectors
    from workings.events.permissions import log_policy

    if not log_policy.can_witness(actor, project):
        raise NotAllowed(_("Only the project's funder reviewers keep witness checkpoints."))
    log = Log.objects.get(project_id=project.pk)
    current = Checkpoint.objects.filter(log=log).order_by("-size").first()
    if current is None:
        return None
    kept = (
        WitnessedCheckpoint.objects.filter(log=log, witness=actor, consistent=True)
        .order_by("-size", "-id")
        .first()
    )
    if kept is not None and kept.note == current.note:
        return kept
    state = WitnessState(origin=log.origin, verifier_key=keys.verifier_key())
    if kept is not None:
        state = replace(state, note=kept.note, size=kept.size, root=bytes(kept.root))
    proof: list[bytes] = []
    if kept is not None and state.size <= current.size:
        proof = selectors.consistency_proof(
            project=project, first=state.size, second=current.size, log=log
        )
    row = WitnessedCheckpoint(
        log=log,
        witness=actor,
        size=current.size,
        root=current.root,
        note=current.note,
        seen_at=clock.now(),
        previous_size=kept.size if kept is not None else None,
        proof="\n".join(base64.b64encode(h).decode() for h in proof),
    )
    try:
        if kept is not None:
            _same_key_as_before(kept.note)
        witness_update(state, current.note, proof)
    except WitnessAlarm as alarm:
        row.consistent = False
        row.alarm = str(alarm)
    row.save()
    return row
