"""Verification requests over the API: same services and policy as the pages. The team's
view of a request carries counts only once it has closed; individual answers are the
funder reviewers' alone, and an anonymous one carries no name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from workings.accounts.api_auth import project_auth
from workings.core.exceptions import NotAllowed
from workings.core.schema import InputSchema
from workings.verification import selectors, services
from workings.verification.models import VerificationRequest
from workings.verification.permissions import request_get_for, verification_policy

router = Router(tags=["verification"])
VIEW = project_auth("view_members")
BASE = "/projects/{slug}/verification"


class VerificationClaimOut(Schema):
    id: int
    number: int
    text: str


class RateOut(Schema):
    asked: int
    answered: int


class ResultOut(Schema):
    asked: int
    answered: int
    shown: bool
    counts: list[dict[str, Any]]
    disputed: list[dict[str, Any]]


class RequestOut(Schema):
    id: int
    title: str
    status: str
    source: str
    source_version: int | None
    deadline: dt.date
    sent_on: dt.date | None
    closed_on: dt.date | None


class RequestDetailOut(RequestOut):
    claims: list[VerificationClaimOut]
    response_rate: RateOut | None  # the funder's reviewers only
    result: ResultOut | None  # once closed (counts empty when fewer than three answered)
    can_answer: bool


class RequestCreateIn(InputSchema):
    title: str = ""
    deadline: str
    source: str = "involvement"
    text: str = ""


class ClaimsIn(InputSchema):
    claims: list[str]


class VerificationAnswerIn(InputSchema):
    claim: int
    choice: str
    comment: str = ""
    in_annex: bool = False


class AnswersIn(InputSchema):
    answers: list[VerificationAnswerIn]
    anonymous: bool = False


class VerificationAnswerOut(Schema):
    claim: int
    choice: str
    comment: str
    in_annex: bool


class ResponseOut(Schema):
    who: str  # "" when anonymous
    anonymous: bool
    answers: list[VerificationAnswerOut]


class ReminderOut(Schema):
    reminded: int


def _vr(request: HttpRequest, request_id: int) -> VerificationRequest:
    return request_get_for(request.user, request.project, request_id)  # type: ignore[attr-defined]


def _out(vr: VerificationRequest) -> RequestOut:
    return RequestOut(
        id=vr.pk,
        title=vr.title,
        status=vr.status,
        source=vr.source,
        source_version=vr.source_version,
        deadline=vr.deadline,
        sent_on=vr.sent_on,
        closed_on=vr.closed_on,
    )


def _detail(request: HttpRequest, vr: VerificationRequest) -> RequestDetailOut:
    user = request.user
    manage = verification_policy.can_manage(user, vr.project)
    rate = selectors.response_rate(vr) if manage else None
    result = selectors.result_of(vr) if verification_policy.can_see_results(user, vr) else None
    return RequestDetailOut(
        **_out(vr).dict(),
        claims=[
            VerificationClaimOut(id=c.pk, number=c.number, text=c.text)
            for c in selectors.claims_of(vr)
        ],
        response_rate=RateOut(asked=rate.asked, answered=rate.answered) if rate else None,
        result=(
            ResultOut(
                asked=result.asked,
                answered=result.answered,
                shown=result.shown,
                counts=result.counts,
                disputed=result.disputed,
            )
            if result
            else None
        ),
        can_answer=verification_policy.can_answer(user, vr),
    )


@router.get(BASE, response=list[RequestOut], auth=VIEW)
def verification_list(request: HttpRequest, slug: str) -> list[RequestOut]:
    rows = selectors.request_list(user=request.user, project=request.project)  # type: ignore[attr-defined]
    return [_out(vr) for vr in rows]


@router.post(BASE, response={201: RequestDetailOut}, auth=VIEW)
def verification_create(
    request: HttpRequest, slug: str, payload: RequestCreateIn
) -> Status[RequestDetailOut]:
    """Draft a request (funder reviewers): the source split into claims, one per sentence."""
    vr = services.request_create(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        title=payload.title,
        deadline=payload.deadline,
        source=payload.source,
        text=payload.text,
    )
    return Status(201, _detail(request, vr))


@router.get(BASE + "/{request_id}", response=RequestDetailOut, auth=VIEW)
def verification_detail(request: HttpRequest, slug: str, request_id: int) -> RequestDetailOut:
    return _detail(request, _vr(request, request_id))


@router.put(BASE + "/{request_id}/claims", response=RequestDetailOut, auth=VIEW)
def verification_claims(
    request: HttpRequest, slug: str, request_id: int, payload: ClaimsIn
) -> RequestDetailOut:
    vr = services.claims_edit(
        actor=request.user, request=_vr(request, request_id), claims=payload.claims
    )
    return _detail(request, vr)


@router.post(BASE + "/{request_id}/send", response=RequestDetailOut, auth=VIEW)
def verification_send(request: HttpRequest, slug: str, request_id: int) -> RequestDetailOut:
    """Send to every current and former contributor (former ones by e-mail, with a link)."""
    vr, _tokens = services.request_send(actor=request.user, request=_vr(request, request_id))
    return _detail(request, vr)


@router.post(BASE + "/{request_id}/remind", response=ReminderOut, auth=VIEW)
def verification_remind(request: HttpRequest, slug: str, request_id: int) -> ReminderOut:
    count = services.request_remind(actor=request.user, request=_vr(request, request_id))
    return ReminderOut(reminded=count)


@router.post(BASE + "/{request_id}/close", response=RequestDetailOut, auth=VIEW)
def verification_close(request: HttpRequest, slug: str, request_id: int) -> RequestDetailOut:
    vr = services.request_close(actor=request.user, request=_vr(request, request_id))
    return _detail(request, vr)


@router.get(BASE + "/{request_id}/answers", response=list[ResponseOut], auth=VIEW)
def verification_answers(request: HttpRequest, slug: str, request_id: int) -> list[ResponseOut]:
    """Each person's answers: the funder's reviewers only; anonymous ones name no one."""
    vr = _vr(request, request_id)
    if not verification_policy.can_read_answers(request.user, vr.project):
        raise NotAllowed(_("Only the funder's reviewers read individual answers."))
    return [
        ResponseOut(
            who=r.who,
            anonymous=r.anonymous,
            answers=[
                VerificationAnswerOut(
                    claim=a.claim.number,
                    choice=a.choice,
                    comment=a.comment,
                    in_annex=a.comment_in_annex,
                )
                for a in r.answers
            ],
        )
        for r in selectors.responses_for_funder(vr)
    ]


@router.post(BASE + "/{request_id}/answers", response={201: dict[str, str]}, auth=VIEW)
def verification_answer(
    request: HttpRequest, slug: str, request_id: int, payload: AnswersIn
) -> Status[dict[str, str]]:
    """Answer every claim (a current contributor who was asked), once."""
    vr = _vr(request, request_id)
    services.answer_as_member(
        actor=request.user,
        request=vr,
        answers={
            str(a.claim): {"choice": a.choice, "comment": a.comment, "in_annex": a.in_annex}
            for a in payload.answers
        },
        anonymous=payload.anonymous,
    )
    return Status(201, {"status": "recorded"})
