"""Writes: right-of-reply rounds and answers, registrations and withdrawals, GRIPP2
narrative versions. Each validates first, then writes its rows and its ledger event in one
transaction, so nothing is half-written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import Conflict, NotAllowed, ValidationFailed
from workings.core.text import check_plain_text
from workings.events.services import append_event
from workings.projects.models import Membership
from workings.projects.roles import Role
from workings.reports import annex, snapshots
from workings.reports.models import NarrativeVersion, Registration, ReplyAnswer, ReplyRound
from workings.reports.permissions import report_policy

MAX_REPLY_DAYS = 90


@transaction.atomic
def reply_round_open(*, actor: Any, project: Any, purpose: str, days: int) -> ReplyRound:
    if not report_policy.can_open_reply(actor, project):
        raise NotAllowed(_("Only a lead can open a right-of-reply window."))
    purpose = check_plain_text(purpose, field="purpose", label=_("Purpose"), max_length=200)
    if not purpose:
        raise ValidationFailed(
            _("Say what the annex is for (for example, the grant)."), field="purpose"
        )
    if not isinstance(days, int) or not 1 <= days <= MAX_REPLY_DAYS:
        raise ValidationFailed(
            _("Give contributors between 1 and %(MAX_REPLY_DAYS)s days to reply.")
            % {"MAX_REPLY_DAYS": MAX_REPLY_DAYS},
            field="days",
        )
    today = clock.today()
    invited = list(
        Membership.objects.filter(
            project=project, role=Role.CONTRIBUTOR, left_at__isnull=True
        ).values_list("user_id", flat=True)
    )
    rnd = ReplyRound.objects.create(
        project=project,
        purpose=purpose,
        opened_by=actor,
        opened_on=today,
        closes_on=today + dt.timedelta(days=days),
        invited=invited,
    )
    append_event(
        project=project,
        type=snapshots.REPLY_OPENED.name,
        actor=actor,
        content={"purpose": purpose, "days": days},
        subjects=[rnd],
    )
    return rnd


@transaction.atomic
def reply_answer(
    *, actor: Any, project: Any, round_id: int, kind: str, statement: str = ""
) -> ReplyAnswer:
    rnd = ReplyRound.objects.select_for_update().filter(pk=round_id, project=project).first()
    if rnd is None:
        raise ValidationFailed(_("There is no such right-of-reply window."), field="round")
    if not report_policy.can_reply(actor, project) or actor.pk not in rnd.invited:
        raise NotAllowed(_("Only the contributors offered this right of reply can answer it."))
    if clock.today() > rnd.closes_on:
        raise ValidationFailed(
            _("The right-of-reply window closed on %(date)s; replies can no longer be added.")
            % {"date": date_format(rnd.closes_on, "d F Y")},
            field="statement",
        )
    if kind not in ReplyAnswer.Kind.values:
        raise ValidationFailed(_("Choose to add a statement or to decline."), field="kind")
    text = ""
    if kind == ReplyAnswer.Kind.REPLY:
        text = check_plain_text(
            statement, field="statement", label=_("Statement"), max_length=10000
        )
        if not text:
            raise ValidationFailed(
                _("Write your statement, or choose to decline."), field="statement"
            )
    if ReplyAnswer.objects.filter(round=rnd, user=actor).exists():
        raise Conflict(_("You have already answered this right of reply."))
    answer = ReplyAnswer.objects.create(
        round=rnd, user=actor, kind=kind, statement=text, answered_at=clock.now()
    )
    etype = snapshots.REPLY_ADDED if kind == "reply" else snapshots.REPLY_DECLINED
    append_event(
        project=project, type=etype.name, actor=actor, content={"kind": kind}, subjects=[answer]
    )
    return answer


@transaction.atomic
def registration_create(
    *, actor: Any, project: Any, audience: str, checkpoint_size: int | None = None
) -> Registration:
    if not report_policy.can_register(actor, project):
        raise NotAllowed(_("Only a lead can register an annex."))
    report_policy.check_audience(actor, project, audience)
    doc = annex.build(project=project, audience=audience, checkpoint_size=checkpoint_size)
    size = doc["checkpoint"]["size"]
    if Registration.objects.filter(
        project=project, checkpoint_size=size, audience=audience
    ).exists():
        raise Conflict(
            _(
                "The %(audience)s annex at checkpoint %(size)s is already registered. A "
                "registration is permanent: add to the record, then register the newer annex."
            )
            % {"audience": audience, "size": size}
        )
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True)
    try:
        with transaction.atomic():
            reg = Registration.objects.create(
                project=project,
                audience=audience,
                checkpoint_size=size,
                annex_json=text,
                annex_sha256=hashlib.sha256(text.encode()).hexdigest(),
                title=doc["title"],
                registered_by=actor,
                registered_at=clock.now(),
            )
    except IntegrityError:
        raise Conflict(
            _("The %(audience)s annex at checkpoint %(size)s is already registered.")
            % {"audience": audience, "size": size}
        ) from None
    append_event(
        project=project,
        type=snapshots.REGISTERED.name,
        actor=actor,
        content={"uuid": str(reg.uuid), "audience": audience, "checkpoint_size": size},
        subjects=[reg],
    )
    return reg


@transaction.atomic
def registration_withdraw(*, actor: Any, registration: Registration, reason: str) -> Registration:
    reg = Registration.objects.select_for_update().get(pk=registration.pk)
    if not report_policy.can_register(actor, reg.project):
        raise NotAllowed(_("Only a lead can withdraw a registration."))
    reason = check_plain_text(reason, field="reason", label=_("Reason"), max_length=2000)
    if not reason:
        raise ValidationFailed(_("Say why the registration is being withdrawn."), field="reason")
    if reg.is_withdrawn:
        raise Conflict(_("This registration has already been withdrawn."))
    Registration.objects.filter(pk=reg.pk).update(
        withdrawn_at=clock.now(), withdrawn_reason=reason, withdrawn_by=actor
    )
    reg.refresh_from_db()
    append_event(
        project=reg.project,
        type=snapshots.REGISTRATION_WITHDRAWN.name,
        actor=actor,
        content={"uuid": str(reg.uuid), "reason": reason},
        subjects=[reg],
    )
    return reg


@transaction.atomic
def narrative_save(
    *, actor: Any, project: Any, text: str, based_on: int | None
) -> NarrativeVersion:
    if not report_policy.can_edit_narrative(actor, project):
        raise NotAllowed(_("Only the team and contributors can write the GRIPP2 narrative."))
    text = check_plain_text(text, field="text", label=_("Narrative"), max_length=50000)
    if not text:
        raise ValidationFailed(_("The narrative is empty."), field="text")
    latest = (
        NarrativeVersion.objects.select_for_update()
        .filter(project=project)
        .order_by("-number")
        .first()
    )
    current = latest.number if latest else 0
    if based_on is not None and based_on != current:
        raise Conflict(
            _(
                "Someone saved version %(current)s while you were editing version "
                "%(based_on)s. Your text is below: compare it with the latest version "
                "and save again."
            )
            % {"current": current, "based_on": based_on}
        )
    version = NarrativeVersion.objects.create(
        project=project, number=current + 1, text=text, author=actor, saved_at=clock.now()
    )
    append_event(
        project=project,
        type=snapshots.NARRATIVE_SAVED.name,
        actor=actor,
        content={"number": version.number},
        subjects=[version],
    )
    return version
