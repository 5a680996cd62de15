"""Answering a verification request: signed in (a current contributor) or through a former
contributor's one-time link. Both end in one function, with the recipient row locked, so
nobody answers twice, and nothing is written unless every answer is valid."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import Conflict, NotAllowed, NotFound, Problems
from workings.core.text import check_plain_text
from workings.events.services import append_event
from workings.verification.models import (
    COMMENT_MAX,
    Answer,
    Choice,
    Claim,
    Recipient,
    Response,
    Status,
    VerificationRequest,
)
from workings.verification.permissions import verification_policy


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def new_token(recipient: Recipient, deadline: dt.date) -> str:
    raw = secrets.token_urlsafe(32)
    recipient.token_hash = token_hash(raw)
    # The link works until the end of the deadline day (UTC).
    recipient.token_expires_at = dt.datetime.combine(
        deadline + dt.timedelta(days=1), dt.time(0, 0), tzinfo=dt.UTC
    )
    return raw


def open_for_answers(request: VerificationRequest) -> None:
    if request.status == Status.CLOSED:
        raise Conflict(_("This request has closed: answers are no longer taken."))
    if request.status != Status.OPEN:
        raise NotFound(_("We could not find that verification request."))
    if request.deadline < clock.today():
        raise Conflict(
            _("The deadline for answers (%(day)s) has passed.")
            % {"day": date_format(request.deadline, "j F Y")}
        )


def _answers(request: VerificationRequest, answers: dict[Any, Any]) -> list[tuple[Claim, dict]]:
    claims = list(request.claims.filter(removed=False).order_by("number"))
    given = {str(k): v for k, v in (answers or {}).items()}
    out, missing = [], []
    problems = Problems()  # every broken rule is reported at once
    for claim in claims:
        answer = given.get(str(claim.pk)) or {}
        choice = str(answer.get("choice") or "")
        comment = problems.check(
            check_plain_text,
            str(answer.get("comment") or ""),
            field=f"comment_{claim.pk}",
            label=_("Your comment on claim %(number)s") % {"number": claim.number},
            max_length=COMMENT_MAX,
            single_line=False,
        )
        if choice not in Choice.values:
            missing.append(str(claim.number))
            continue
        out.append(
            (claim, {"choice": choice, "comment": comment, "public": bool(answer.get("in_annex"))})
        )
    if missing:
        problems.add(
            _("Please choose an answer for every claim. Still to answer: claim %(numbers)s.")
            % {"numbers": ", ".join(missing)},
            field="answers",
        )
    unknown = set(given) - {str(c.pk) for c in claims}
    if unknown:
        problems.add(_("Some answers are for claims this request does not have."), field="answers")
    problems.raise_any()
    return out


def _record_answers(*, recipient: Recipient, answers: dict[Any, Any], anonymous: bool) -> Response:
    """Both ways of answering end here, inside their transaction, with the recipient row
    locked: the same person can never answer twice, even in two tabs at once."""
    recipient = (
        Recipient.objects.select_for_update()
        .select_related("request__project")
        .get(pk=recipient.pk)
    )
    request = recipient.request
    open_for_answers(request)
    if recipient.answered:
        raise Conflict(_("You have already answered this request. Thank you: one answer each."))
    checked = _answers(request, answers)
    response = Response.objects.create(
        request=request, person=None if anonymous else recipient.user
    )
    rows = [
        Answer.objects.create(
            response=response,
            claim=claim,
            choice=a["choice"],
            comment=a["comment"],
            comment_in_annex=a["public"] and bool(a["comment"]),
        )
        for claim, a in checked
    ]
    recipient.answered = True
    recipient.save(update_fields=["answered"])
    # Sealed: only the funder's reviewers read it; its header names no one and says only
    # the day. An anonymous response carries no person at all.
    append_event(
        project=request.project,
        type="verification.answered",
        actor=None,
        content={"request": request.pk},
        subjects=[response, *rows],
        sealed=True,
    )
    return response


@transaction.atomic
def answer_as_member(
    *, actor: Any, request: VerificationRequest, answers: dict[Any, Any], anonymous: bool = False
) -> Response:
    recipient = verification_policy.recipient_for(actor, request)
    if recipient is None:
        raise NotAllowed(_("This request was not sent to you, so there is nothing to answer."))
    return _record_answers(recipient=recipient, answers=answers, anonymous=anonymous)


def link_recipient(raw: str) -> Recipient:
    """The former contributor a one-time link was sent to, or a plain reason why not."""
    recipient = (
        Recipient.objects.select_related("request__project", "user")
        .filter(token_hash=token_hash(str(raw or "")), former=True)
        .first()
        if raw
        else None
    )
    if recipient is None:
        raise NotFound(
            _(
                "This link is not valid. If you were sent a newer link, use that one; it "
                "replaces the older ones."
            )
        )
    if recipient.answered:
        raise Conflict(_("This link has already been used to answer. Each link works once."))
    if recipient.token_expires_at is None or recipient.token_expires_at <= clock.now():
        raise Conflict(_("This link has expired: the deadline for answers has passed."))
    open_for_answers(recipient.request)
    return recipient


@transaction.atomic
def answer_by_link(*, token: str, answers: dict[Any, Any], anonymous: bool = False) -> Response:
    recipient = link_recipient(token)
    return _record_answers(recipient=recipient, answers=answers, anonymous=anonymous)
