"""Writes for verification requests. One service = one transaction = one ledger event;
every input problem is a plain-English error raised before anything is written."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import Conflict, NotAllowed, Problems, ValidationFailed
from workings.core.text import check_plain_text
from workings.documents.models import Document, Kind
from workings.documents.selectors import latest_approved
from workings.events.services import append_event
from workings.projects.models import Membership, Project
from workings.projects.roles import Role
from workings.verification import messaging
from workings.verification.answering import (  # noqa: F401 - the answering services
    answer_as_member,
    answer_by_link,
    link_recipient,
    new_token,
    open_for_answers,
    token_hash,
)
from workings.verification.claims import split_claims
from workings.verification.models import (
    CLAIM_MAX,
    MAX_CLAIMS,
    Claim,
    Recipient,
    Source,
    Status,
    VerificationRequest,
)
from workings.verification.permissions import verification_policy
from workings.verification.results import result_write


def _manager(actor: Any, project: Project) -> None:
    if not verification_policy.can_manage(actor, project):
        raise NotAllowed(
            _("Only the funder's reviewers of this project prepare and send verification requests.")
        )


def _deadline(value: Any) -> dt.date:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationFailed(
                _("Write the deadline as a date, for example 2026-12-31."), field="deadline"
            ) from None
    if not isinstance(value, dt.date):
        raise ValidationFailed(_("Choose a deadline for the answers."), field="deadline")
    if value <= clock.today():
        raise ValidationFailed(
            _("The deadline must be after today: people need time to answer."), field="deadline"
        )
    return value


def _claim_texts(claims: list[str]) -> list[str]:
    texts = []
    problems = Problems()  # every broken claim is reported at once
    for number, raw in enumerate(claims, start=1):
        label = _("Claim %(number)s") % {"number": number}
        text = problems.check(
            check_plain_text,
            str(raw or ""),
            field="claims",
            label=label,
            max_length=CLAIM_MAX,
            single_line=True,
        )
        if text:
            texts.append(text)
    problems.raise_any()
    if not texts:
        raise ValidationFailed(
            _("There are no claims to check. Write at least one claim, one per line."),
            field="claims",
        )
    if len(texts) > MAX_CLAIMS:
        raise ValidationFailed(
            _("There are %(count)s claims; the most one request may ask about is %(limit)s.")
            % {"count": len(texts), "limit": MAX_CLAIMS},
            field="claims",
        )
    return texts


def _source_text(project: Project, source: str, text: str) -> tuple[str, int | None]:
    if source == Source.INVOLVEMENT:
        document = Document.objects.filter(project=project, kind=Kind.INVOLVEMENT).first()
        version = latest_approved(document) if document else None
        if version is None:
            raise ValidationFailed(
                _(
                    "This project has no approved public involvement section yet. Paste the "
                    "text to check from the annex instead."
                ),
                field="source",
            )
        return version.text, version.number
    if source == Source.ANNEX:
        return text, None
    raise ValidationFailed(_("Choose where the claims come from."), field="source")


@transaction.atomic
def request_create(
    *, actor: Any, project: Project, title: str, deadline: Any, source: str, text: str = ""
) -> VerificationRequest:
    """A draft request: the source text split into claims, one per sentence."""
    _manager(actor, project)
    problems = Problems()  # every broken rule is reported at once
    name = problems.check(
        check_plain_text, title or "", field="title", label=_("Title"), max_length=200
    )
    when = problems.check(_deadline, deadline)
    source_text = problems.check(_source_text, project, source, str(text or ""))
    claims = problems.check(_claim_texts, split_claims(source_text[0])) if source_text else None
    problems.raise_any()
    assert source_text is not None and claims is not None and when is not None
    body, version = source_text
    request = VerificationRequest.objects.create(
        project=project,
        title=name or _("Checking the public involvement section"),
        source=source,
        source_version=version,
        deadline=when,
        created_by=actor,
    )
    rows = [
        Claim.objects.create(request=request, number=n, text=t) for n, t in enumerate(claims, 1)
    ]
    append_event(
        project=project,
        type="verification.created",
        actor=actor,
        content={"request": request.pk, "claims": len(rows)},
        subjects=[request, *rows],
    )
    return request


def _draft(request: VerificationRequest) -> None:
    if request.status != Status.DRAFT:
        raise Conflict(_("This request has been sent: its claims can no longer be changed."))


@transaction.atomic
def claims_edit(
    *, actor: Any, request: VerificationRequest, claims: list[str]
) -> VerificationRequest:
    """Replace the claims (in order) while the request is a draft. A claim taken out keeps
    its row, marked removed."""
    _manager(actor, request.project)
    if not isinstance(claims, list):
        raise ValidationFailed(_("Give the claims as a list."), field="claims")
    texts = _claim_texts(claims)
    request = VerificationRequest.objects.select_for_update().get(pk=request.pk)
    _draft(request)
    current = list(request.claims.filter(removed=False).order_by("number"))
    changed: list[Claim] = []
    for index, text in enumerate(texts):
        if index < len(current):
            claim = current[index]
            if claim.text == text:
                continue
            claim.text = text
            claim.save(update_fields=["text"])
        else:
            number = request.claims.count() + 1
            claim = Claim.objects.create(request=request, number=number, text=text)
        changed.append(claim)
    for claim in current[len(texts) :]:
        claim.removed = True
        claim.save(update_fields=["removed"])
        changed.append(claim)
    if not changed:
        raise ValidationFailed(
            _("The claims are the same as before: nothing to save."), field="claims"
        )
    append_event(
        project=request.project,
        type="verification.claims_edited",
        actor=actor,
        content={"request": request.pk, "claims": len(texts)},
        subjects=changed,
    )
    return request


def _asked(project: Project) -> list[Membership]:
    """Every contributor the project has had: current and former (people who walked away
    often know most)."""
    return list(
        Membership.objects.filter(project=project, role=Role.CONTRIBUTOR)
        .select_related("user")
        .order_by("id")
    )


@transaction.atomic
def request_send(
    *, actor: Any, request: VerificationRequest
) -> tuple[VerificationRequest, dict[int, str]]:
    """Send to every current and former contributor. Returns the request and each former
    contributor's one-time link token by user id (e-mailed once the transaction commits)."""
    _manager(actor, request.project)
    request = (
        VerificationRequest.objects.select_for_update().select_related("project").get(pk=request.pk)
    )
    _draft(request)
    _deadline(request.deadline)
    if not request.claims.filter(removed=False).exists():
        raise ValidationFailed(_("There are no claims to check: add at least one."), field="claims")
    members = _asked(request.project)
    if not members:
        raise ValidationFailed(
            _("This project has no contributors, current or former: there is no one to ask."),
        )
    tokens: dict[int, str] = {}
    recipients = []
    for m in members:
        recipient = Recipient(request=request, user=m.user, former=m.left_at is not None)
        if recipient.former:
            tokens[m.user_id] = new_token(recipient, request.deadline)
        recipient.save()
        recipients.append(recipient)
    request.status = Status.OPEN
    request.sent_on = clock.today()
    request.save(update_fields=["status", "sent_on"])
    append_event(
        project=request.project,
        type="verification.sent",
        actor=actor,
        content={"request": request.pk, "asked": len(recipients)},
        subjects=[request, *recipients],
    )
    messaging.on_sent(request, recipients, tokens)
    return request, tokens


@transaction.atomic
def request_remind(*, actor: Any, request: VerificationRequest) -> int:
    """Remind everyone asked who has not answered (once a day at most). A former contributor
    gets a new link, which replaces the old one. The entry holds only how many."""
    if actor is not None:
        _manager(actor, request.project)
    request = (
        VerificationRequest.objects.select_for_update().select_related("project").get(pk=request.pk)
    )
    open_for_answers(request)
    today = clock.today()
    waiting = list(
        request.recipients.filter(answered=False).exclude(reminded_on=today).select_related("user")
    )
    if not waiting:
        if actor is None:
            return 0
        raise Conflict(_("Everyone has answered or was already reminded today."))
    tokens: dict[int, str] = {}
    for recipient in waiting:
        if recipient.former:
            tokens[recipient.user_id] = new_token(recipient, request.deadline)
        recipient.reminded_on = today
        recipient.save(update_fields=["reminded_on", "token_hash", "token_expires_at"])
    append_event(
        project=request.project,
        type="verification.reminded",
        actor=actor,
        content={"request": request.pk, "reminded": len(waiting)},
        subjects=[],
    )
    messaging.on_reminded(request, waiting, tokens)
    return len(waiting)


@transaction.atomic
def request_close(*, actor: Any, request: VerificationRequest) -> VerificationRequest:
    """Close a request (a reviewer, or the worker once the deadline has passed) and write
    its counts: the only thing the team ever learns of the answers."""
    if actor is not None:
        _manager(actor, request.project)
    request = (
        VerificationRequest.objects.select_for_update().select_related("project").get(pk=request.pk)
    )
    if request.status != Status.OPEN:
        raise Conflict(_("Only an open request can be closed."))
    request.status = Status.CLOSED
    request.closed_on = clock.today()
    request.save(update_fields=["status", "closed_on"])
    result = result_write(request)
    append_event(
        project=request.project,
        type="verification.closed",
        actor=actor,
        content={"request": request.pk, "asked": result.asked, "answered": result.answered},
        subjects=[request, result],
    )
    return request
