"""The funder organisation as a witness: cosign each project's newest checkpoint after
checking it extends the last one this organisation cosigned (docs/decisions/witness-keys.md).

Run by the worker (funders/tasks.py), queued by `workings send-reminders` and by
`workings funders witness`. Anything that does not check out is an alarm: kept
(funders.WitnessAlarm), recorded in the project's log (``witness.alarm``), shown on the
portfolio and sent to the organisation's reviewers. After an alarm the witness signs
nothing more for that project until a person has looked (and marked the alarm resolved).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.db import transaction
from django.urls import reverse

from workings.core import clock
from workings.core.exceptions import ValidationFailed
from workings.core.notify import notify
from workings.events import keys
from workings.events.models import Checkpoint, Cosignature, Log
from workings.events.selectors import consistency_proof
from workings.events.services import append_event
from workings.events.services.cosigning import cosignature_add
from workings.funders.models import FunderOrganisation, WitnessAlarm
from workings.funders.selectors import confirmed_projects
from workings.funders.witness_keys import witness_signer
from workings.ledger.checkpoint import NoteError
from workings.projects.permissions import project_policy
from workings.verifier.cosignature import add_cosignature, cosign, note_text, verify_cosignature
from workings.verifier.witness import WitnessAlarm as Alarm
from workings.verifier.witness import WitnessState, witness_update

COSIGNED, UNCHANGED, EMPTY, ALARM, HELD = "cosigned", "unchanged", "empty", "alarm", "held"


def _check(log: Log, last: Cosignature | None, current: Checkpoint, witness_key: str) -> None:
    """Raise Alarm unless ``current`` is validly signed and extends what was cosigned."""
    state = WitnessState(origin=log.origin, verifier_key=keys.verifier_key())
    proof: list[bytes] = []
    if last is not None:
        signed = last.checkpoint
        try:
            verify_cosignature(add_cosignature(signed.note, last.line), witness_key)
        except NoteError:
            raise Alarm(
                f"ALARM: the checkpoint of size {signed.size} that this funder cosigned has "
                "been changed since: the record was rewritten behind the software's back."
            ) from None
        state = replace(state, note=signed.note, size=signed.size, root=bytes(signed.root))
        if signed.size <= current.size:
            try:
                proof = consistency_proof(
                    project=log.project, first=signed.size, second=current.size, log=log
                )
            except ValidationFailed:
                raise Alarm(
                    f"ALARM: the newest checkpoint says {current.size} entries, but the log "
                    "does not hold that many."
                ) from None
    witness_update(state, current.note, proof)


@transaction.atomic
def _raise_alarm(
    organisation: FunderOrganisation, project: Any, cosigned: int, shown: int, message: str
) -> WitnessAlarm:
    alarm = WitnessAlarm.objects.create(
        organisation=organisation,
        project=project,
        cosigned_size=cosigned,
        shown_size=shown,
        message=message[:2000],
        raised_at=clock.now(),
    )
    append_event(
        project=project,
        type="witness.alarm",
        actor=None,
        content={
            "organisation": organisation.name,
            "cosigned_size": cosigned,
            "shown_size": shown,
            "message": alarm.message,
        },
    )
    reviewers = [r.user_id for r in project_policy.reviewers(project)]
    url = reverse("funders:portfolio", args=[organisation.slug])

    def tell() -> None:
        notify(
            user_ids=reviewers,
            project=project,
            kind="witness.alarm",
            title=f"Warning: the record of “{project.title}” may have been changed",
            url=url,
            due_to_me=True,
            key=f"witness-alarm:{alarm.pk}",
        )

    transaction.on_commit(tell)
    return alarm


def witness_project(
    *, organisation: FunderOrganisation, project: Any, signer: str, now: dt.datetime
) -> str:
    """Check and cosign the project's newest checkpoint; say what happened."""
    held = WitnessAlarm.objects.filter(organisation=organisation, project=project)
    if held.filter(resolved_at__isnull=True).exists():
        return HELD
    log = Log.objects.select_related("project").get(project_id=project.pk)
    current = Checkpoint.objects.filter(log=log).order_by("-size").first()
    if current is None:
        return EMPTY
    last = (
        Cosignature.objects.filter(checkpoint__log=log, witness_key=organisation.witness_key)
        .select_related("checkpoint")
        .order_by("-checkpoint__size")
        .first()
    )
    if last is not None and last.checkpoint_id == current.pk:
        return UNCHANGED
    try:
        _check(log, last, current, organisation.witness_key)
    except Alarm as alarm:
        cosigned = last.checkpoint.size if last is not None else 0
        _raise_alarm(organisation, project, cosigned, current.size, str(alarm))
        return ALARM
    line = cosign(note_text(current.note), signer, int(now.timestamp()))
    cosignature_add(checkpoint=current, witness_key=organisation.witness_key, line=line)
    return COSIGNED


def witness_all(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Every organisation with a witness key, every project it funds. Counts by outcome."""
    moment = now or clock.now()
    counts: dict[str, int] = {}
    for organisation in FunderOrganisation.objects.exclude(witness_key="").order_by("id"):
        signer = witness_signer(organisation)
        for project in confirmed_projects(organisation=organisation):
            outcome = witness_project(
                organisation=organisation, project=project, signer=signer, now=moment
            )
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def open_alarms(*, organisation: FunderOrganisation) -> list[WitnessAlarm]:
    return list(
        WitnessAlarm.objects.filter(organisation=organisation, resolved_at__isnull=True)
        .select_related("project")
        .order_by("-raised_at", "-id")[:50]
    )
