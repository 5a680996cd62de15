"""Concerns over the API: the same services and policy as the pages.

Member endpoints let in whoever the concern policy lets into the project's concerns
(concerns_project_for: its members, and people who raised a concern there and have left);
the concern policy then decides per concern. Raising one takes project_auth("raise_concern"):
the funder's reviewers read concerns but do not raise them. The anonymous endpoints
take no authentication at all, never read the session, take the receipt code only in the
JSON body and answer with Cache-Control: no-store. Instead of a CSRF token they require a
JSON body and a same-site Origin (SameSiteJson)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from workings.accounts.api_auth import project_auth
from workings.concerns import reads, selectors, services
from workings.concerns.models import Concern, Mode
from workings.concerns.permissions import (
    concern_get_for,
    concern_policy,
    concerns_project_for,
    require,
)
from workings.concerns.presenters import concern_context
from workings.core import clock
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.core.schema import InputSchema

KEEP_THE_CODE = "Keep this code: it is shown only once."

router = Router(tags=["concerns"])
MEMBERS = project_auth("view_concerns", getter=concerns_project_for)
# Raising is checked before the body is read: the funder's reviewers and former members
# are refused, never told what is wrong with what they sent.
RAISERS = project_auth("raise_concern")


class ConcernIn(InputSchema):
    mode: str  # open | confidential | anonymous: nothing is chosen for the person
    subject: str
    what_happened: str
    outcome_wanted: str
    link: str = ""


class AnonymousConcernIn(InputSchema):
    subject: str
    what_happened: str
    outcome_wanted: str
    link: str = ""


class ConcernTextIn(InputSchema):
    text: str = ""


class CloseIn(InputSchema):
    outcome: str
    reasons: str = ""


class SummaryAnswerIn(InputSchema):
    approve: bool
    comment: str = ""


class FollowUpIn(InputSchema):
    code: str
    action: str = "view"  # view | reply | escalate | approve_summary | decline_summary
    text: str = ""


class StageOut(Schema):
    number: int
    name: str
    handler: str
    response_days: int
    state: str


class ReplyOut(Schema):
    id: int
    author: str
    kind: str
    body: str
    stage: int
    created_on: dt.date


class ReadOut(Schema):
    reader: str
    read_at: dt.datetime
    via: str


class ConcernOut(Schema):
    id: int
    mode: str
    subject: str | None
    what_happened: str | None
    outcome_wanted: str | None
    summary: str | None
    raised_on: dt.date
    raised_by: str | None
    status: str
    outcome: str
    outcome_reasons: str
    procedure_is_default: bool
    stage: int
    who_must_act: str
    due_on: dt.date
    overdue: bool
    stages: list[StageOut]
    # For the raiser of a sealed concern: who read it, and when (first read each day).
    read_by: list[ReadOut] | None = None
    replies: list[ReplyOut]


class ConcernListOut(Schema):
    id: int
    mode: str
    subject: str | None
    raised_on: dt.date
    status: str
    outcome: str
    stage: int
    due_on: dt.date
    overdue: bool = False


class ReceiptOut(Schema):
    receipt_code: str
    message: str


def _author(reply: Any) -> str:
    if reply.by_raiser:
        return "The person who raised it"
    name = reply.author.display_name if reply.author else "A member"
    return f"{name} ({reply.author_role})"


def _payload(user: Any, concern: Concern, *, as_raiser: bool = False) -> dict[str, Any]:
    if not as_raiser:
        reads.note_concern_read(user, concern, via="api")
    ctx = concern_context(user, concern, as_raiser=as_raiser)
    full = ctx["full"]
    return {
        "id": concern.pk,
        "mode": concern.mode if full else "sealed",
        "subject": concern.subject if full else None,
        "what_happened": concern.what_happened if full else None,
        "outcome_wanted": concern.outcome_wanted if full else None,
        "summary": concern.summary_text if (concern.team_involved or full) else None,
        "raised_on": concern.raised_on,
        "raised_by": ctx["raiser_label"],
        "status": concern.status,
        "outcome": concern.outcome,
        "outcome_reasons": concern.outcome_reasons,
        "procedure_is_default": concern.procedure_is_default,
        "stage": concern.stage_index + 1,
        "who_must_act": concern.stage["handler"],
        "due_on": ctx["timing"]["due_on"],
        "overdue": ctx["timing"]["overdue"],
        "stages": ctx["stages"],
        "read_by": ctx.get("sealed_reads"),
        "replies": [
            {
                "id": r.pk,
                "author": _author(r),
                "kind": r.kind,
                "body": r.body,
                "stage": r.stage_index + 1,
                "created_on": r.created_at.date(),
            }
            for r in ctx["replies"]
        ],
    }


def _concern(request: HttpRequest, concern_id: int) -> Concern:
    return concern_get_for(request.user, request.project, concern_id)  # type: ignore[attr-defined]


@router.get("/projects/{slug}/concerns", response=list[ConcernListOut], auth=MEMBERS)
def concern_list(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    rows = []
    for c in selectors.concern_list_for(user=request.user, project=request.project)[:200]:  # type: ignore[attr-defined]
        full = concern_policy.can_view_full(request.user, c)
        rows.append(
            {
                "id": c.pk,
                "mode": c.mode if full else "sealed",
                "subject": c.subject if full else None,
                "raised_on": c.raised_on,
                "status": c.status,
                "outcome": c.outcome,
                "stage": c.stage_index + 1,
                "due_on": c.stage_due_on,
            }
        )
    return rows


@router.post("/projects/{slug}/concerns", response={201: ConcernOut, 202: ReceiptOut}, auth=RAISERS)
def concern_create(
    request: HttpRequest, slug: str, payload: ConcernIn, response: HttpResponse
) -> Any:
    require(
        concern_policy.can_raise(request.user, request.project),  # type: ignore[attr-defined]
        "Only members of this project can raise a concern here.",
    )
    data = payload.dict()
    mode = data.pop("mode")
    if mode == Mode.ANONYMOUS:
        # The account is not passed on; the code is returned once and never stored.
        _concern, code = services.concern_raise_anonymous(project=request.project, **data)  # type: ignore[attr-defined]
        response["Cache-Control"] = "no-store"
        return Status(202, {"receipt_code": code, "message": KEEP_THE_CODE})
    concern = services.concern_raise(
        actor=request.user,
        project=request.project,
        mode=mode,
        **data,  # type: ignore[attr-defined]
    )
    return Status(201, _payload(request.user, concern))


@router.get("/projects/{slug}/concerns/{concern_id}", response=ConcernOut, auth=MEMBERS)
def concern_detail(request: HttpRequest, slug: str, concern_id: int) -> dict[str, Any]:
    return _payload(request.user, _concern(request, concern_id))


@router.post("/projects/{slug}/concerns/{concern_id}/replies", response=ConcernOut, auth=MEMBERS)
def concern_reply_create(
    request: HttpRequest, slug: str, concern_id: int, payload: ConcernTextIn
) -> dict[str, Any]:
    concern = _concern(request, concern_id)
    services.concern_reply(actor=request.user, concern=concern, body=payload.text)
    return _payload(request.user, concern_get_for(request.user, concern.project, concern.pk))


@router.post("/projects/{slug}/concerns/{concern_id}/escalate", response=ConcernOut, auth=MEMBERS)
def concern_escalate(
    request: HttpRequest, slug: str, concern_id: int, payload: ConcernTextIn
) -> dict[str, Any]:
    concern = services.concern_escalate(
        actor=request.user, concern=_concern(request, concern_id), reason=payload.text
    )
    return _payload(request.user, concern)


@router.post("/projects/{slug}/concerns/{concern_id}/ask-team", response=ConcernOut, auth=MEMBERS)
def concern_ask_team(
    request: HttpRequest, slug: str, concern_id: int, payload: ConcernTextIn
) -> dict[str, Any]:
    concern = _concern(request, concern_id)
    services.concern_ask_team(actor=request.user, concern=concern, message=payload.text)
    return _payload(request.user, concern)


@router.post("/projects/{slug}/concerns/{concern_id}/summary", response=ConcernOut, auth=MEMBERS)
def concern_summary_propose(
    request: HttpRequest, slug: str, concern_id: int, payload: ConcernTextIn
) -> dict[str, Any]:
    concern = services.concern_summary_propose(
        actor=request.user, concern=_concern(request, concern_id), text=payload.text
    )
    return _payload(request.user, concern)


@router.post(
    "/projects/{slug}/concerns/{concern_id}/summary/answer", response=ConcernOut, auth=MEMBERS
)
def concern_summary_answer(
    request: HttpRequest, slug: str, concern_id: int, payload: SummaryAnswerIn
) -> dict[str, Any]:
    concern = services.concern_summary_answer(
        actor=request.user,
        concern=_concern(request, concern_id),
        approve=payload.approve,
        comment=payload.comment,
    )
    return _payload(request.user, concern)


@router.post("/projects/{slug}/concerns/{concern_id}/close", response=ConcernOut, auth=MEMBERS)
def concern_close(
    request: HttpRequest, slug: str, concern_id: int, payload: CloseIn
) -> dict[str, Any]:
    concern = services.concern_close(
        actor=request.user,
        concern=_concern(request, concern_id),
        outcome=payload.outcome,
        reasons=payload.reasons,
    )
    return _payload(request.user, concern)


@router.get("/concerns/inbox", response=list[ConcernListOut])
def concern_inbox(request: HttpRequest) -> list[dict[str, Any]]:
    """Concerns waiting for this reviewer, most urgent first (overdue ones flagged)."""
    rows = selectors.inbox_by_urgency(user=request.user, today=clock.today())[:200]
    return [
        {
            **vars(r.concern),
            "id": r.concern.pk,
            "stage": r.concern.stage_index + 1,
            "due_on": r.concern.stage_due_on,
            "overdue": r.overdue,
        }
        for r in rows
    ]


def _anonymous_project(slug: str, key: str) -> Any:
    project = selectors.project_for_anonymous_key(slug=slug, key=key)
    if project is None:
        raise NotFound(_("This link is not valid. Ask a member of the project for a new one."))
    return project


class SameSiteJson:
    """The anonymous endpoints take no session and so no CSRF token. Instead (run before the
    body is read, like any ninja auth): the body must be JSON, which a form on another site
    cannot send without the browser asking us first (and we never say yes); and a browser's
    Origin and Sec-Fetch-Site, when sent, must say the request came from this site.
    Scripts and tools that send neither header are let through: they hold no one's cookies."""

    SAME = frozenset({"same-origin", "none"})

    def _own(self, request: HttpRequest) -> set[str]:
        own = {f"{request.scheme}://{request.get_host()}", settings.SITE_URL.rstrip("/")}
        return own | {o.rstrip("/") for o in settings.CSRF_TRUSTED_ORIGINS}

    def __call__(self, request: HttpRequest) -> Any:
        if request.content_type != "application/json":
            raise ValidationFailed(
                _("Send the concern as JSON, with the header Content-Type: application/json.")
            )
        fetch_site = request.headers.get("Sec-Fetch-Site")
        origin = request.headers.get("Origin")
        if (fetch_site and fetch_site not in self.SAME) or (
            origin and origin.rstrip("/") not in self._own(request)
        ):
            raise NotAllowed(_("Anonymous concerns can be sent only from this site's own pages."))
        return True


SAME_SITE_JSON = [SameSiteJson()]


def _private(response: HttpResponse) -> None:
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"


@router.post("/concerns/anonymous/{slug}/{key}", response={201: ReceiptOut}, auth=SAME_SITE_JSON)
def concern_anonymous_create(
    request: HttpRequest, slug: str, key: str, payload: AnonymousConcernIn, response: HttpResponse
) -> Any:
    _private(response)
    project = _anonymous_project(slug, key)
    _concern, code = services.concern_raise_anonymous(project=project, **payload.dict())
    return Status(201, {"receipt_code": code, "message": KEEP_THE_CODE})


@router.post("/concerns/anonymous/{slug}/{key}/follow-up", response=ConcernOut, auth=SAME_SITE_JSON)
def concern_anonymous_follow_up(
    request: HttpRequest, slug: str, key: str, payload: FollowUpIn, response: HttpResponse
) -> dict[str, Any]:
    _private(response)
    project = _anonymous_project(slug, key)
    code = payload.code
    if payload.action == "reply":
        services.concern_reply_anonymous(project=project, code=code, body=payload.text)
    elif payload.action == "escalate":
        services.concern_escalate_anonymous(project=project, code=code, reason=payload.text)
    elif payload.action in ("approve_summary", "decline_summary"):
        services.concern_summary_answer_anonymous(
            project=project,
            code=code,
            approve=payload.action == "approve_summary",
            comment=payload.text,
        )
    elif payload.action != "view":
        raise ValidationFailed(
            _("action must be view, reply, escalate, approve_summary or decline_summary."),
            field="action",
        )
    concern = services.concern_by_receipt(project=project, code=code)
    return _payload(None, concern, as_raiser=True)
