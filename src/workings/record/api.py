"""The working record over the API: the same services, selectors and policy as the pages.
Every write is one service call, and so one ledger event."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from workings.accounts.api_auth import project_auth
from workings.core import clock
from workings.core.exceptions import ValidationFailed
from workings.core.schema import InputSchema
from workings.core.text import quoted
from workings.record import selectors, services, tombstones
from workings.record.models import Kind
from workings.record.permissions import item_get_for, record_policy
from workings.record.serialise import row_dict

router = Router(tags=["record"])
R = "/projects/{slug}/record"


class RowOut(Schema):
    id: int | None
    date: dt.date
    kind: str
    title: str
    area: str
    by: str
    status: str
    due_on: dt.date | None
    text: str
    tombstone: str = ""
    url: str


class TimelineOut(Schema):
    items: list[RowOut]
    next_cursor: str | None


class TimelineQuery(InputSchema):
    kind: str = ""
    area: str = ""
    person: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str = ""
    q: str = ""
    after: str | None = None


class ItemOut(Schema):
    item: dict[str, Any]
    details: dict[str, Any]


class FileIn(InputSchema):
    name: str
    content_base64: str


class MeetingIn(InputSchema):
    occurred_on: dt.date
    activity: str
    title: str
    summary: str
    hours: Decimal
    participants: list[int]
    area: str = ""
    attachments: list[FileIn] = []


class FeedbackIn(InputSchema):
    area: str = ""  # optional: "" is "not sure"
    title: str
    text: str
    on_behalf_of: str = ""
    about: int | None = None  # the meeting it is about


class AnswerIn(InputSchema):
    outcome: str
    what_done: str
    why: str
    # Required with outcome "not_yet_decided": the date a real answer is due (ISO date).
    answer_due_on: str | None = None


class SatisfactionIn(InputSchema):
    satisfied: bool
    why: str = ""


class DecisionIn(InputSchema):
    area: str
    title: str
    text: str = ""
    decided_by: str
    influence: str
    occurred_on: dt.date | None = None


class ViewIn(InputSchema):
    stance: str
    words: str


class DisagreementIn(InputSchema):
    subject: str
    text: str = ""
    area: str = ""
    occurred_on: dt.date | None = None


class TextIn(InputSchema):
    text: str


class OutcomeIn(InputSchema):
    outcome: str
    outcome_text: str
    what_changed: str = ""
    research_team_gave: str = ""
    contributors_gave: str = ""


class AccountIn(InputSchema):
    title: str
    text: str
    about_id: int | None = None


class MatrixRowOut(Schema):
    area: str
    promised: str
    decisions: dict[str, list[int]]
    shortfalls: int


def _item_out(request: HttpRequest, item: Any) -> dict[str, Any]:
    item = item_get_for(request.user, request.project, item.pk)  # type: ignore[attr-defined]
    d = selectors.item_detail(item=item)
    project = request.project  # type: ignore[attr-defined]
    tombstones.mark([item, *d["corrections"], *d["accounts"]], user=request.user, project=project)
    row = row_dict(item, clock.today(), request, slug=item.project.slug)
    if item.withheld:  # hidden from the public by the lead: the tombstone only
        return {"item": row, "details": {}}
    details: dict[str, Any] = {
        "corrections": [c.pk for c in d["corrections"]],
        "accounts": [{"id": a.pk, "by": a.author_label, "text": a.body} for a in d["accounts"]],
    }
    if item.kind == Kind.MEETING:
        details.update(
            activity=item.meeting.activity,
            hours=str(item.meeting.hours),
            participants=[{"id": m.pk, "name": m.label} for m in d["participants"]],
            attachments=[
                {
                    "id": a.pk,
                    "name": a.name,
                    "type": a.content_type,
                    "size": a.size,
                    "sha256": a.sha256,
                }
                for a in d["attachments"]
            ],
        )
    elif item.kind == Kind.FEEDBACK:
        details.update(item.feedback.snapshot())
    elif item.kind == Kind.DECISION:
        details.update(item.decision.snapshot(), shortfall=item.decision.is_shortfall)
        details["views"] = [
            {"by": v.membership.label, "stance": v.stance, "words": v.words} for v in d["views"]
        ]
    elif item.kind == Kind.DISAGREEMENT:
        details.update(item.disagreement.snapshot())
        details["positions"] = [
            {
                "id": p.pk,
                "side": p.side,
                "by": p.author_membership.label,
                "text": p.text,
                "versions": [{"number": v.number, "text": v.text} for v in p.versions.all()],
            }
            for p in d["positions"]
        ]
    elif item.kind == Kind.ACCOUNT:
        details["versions"] = [{"number": v.number, "text": v.text} for v in d["versions"]]
    return {"item": row, "details": details}


def _files(files: list[FileIn]) -> list[tuple[str, bytes]]:
    out = []
    for f in files:
        try:
            out.append((f.name, base64.b64decode(f.content_base64, validate=True)))
        except (binascii.Error, ValueError):
            raise ValidationFailed(
                _("%(value)s: content_base64 is not valid base64.") % {"value": quoted(f.name)},
                field="attachments",
            ) from None
    return out


def _call(request: HttpRequest, service: Any, **data: Any) -> Any:
    return service(actor=request.user, project=request.project, **data)  # type: ignore[attr-defined]


@router.get(R + "/items", response=TimelineOut, auth=project_auth("view_record", public=True))
def record_timeline(request: HttpRequest, slug: str, filters: Query[TimelineQuery]) -> TimelineOut:
    """The timeline, newest first, filtered; pass next_cursor back as `after` for more."""
    f = filters.dict()
    cursor = selectors.Cursor.parse(f.pop("after"))
    project = request.project  # type: ignore[attr-defined]
    page = selectors.timeline_page(
        project=project,
        filters=selectors.TimelineFilter(**f),
        cursor=cursor,
        reasons=record_policy.can_view_leaving_reasons(request.user, project),
    )
    today = clock.today()
    tombstones.mark(page.rows, user=request.user, project=request.project)  # type: ignore[attr-defined]
    return TimelineOut(
        items=[row_dict(r, today, request, slug=slug) for r in page.rows],
        next_cursor=page.next_cursor.token() if page.next_cursor else None,
    )


@router.get(R + "/items/{item_id}", response=ItemOut, auth=project_auth("view_record", public=True))
def record_item(request: HttpRequest, slug: str, item_id: int) -> dict[str, Any]:
    item = item_get_for(request.user, request.project, item_id)  # type: ignore[attr-defined]
    return _item_out(request, item)


@router.get(
    R + "/matrix", response=list[MatrixRowOut], auth=project_auth("view_record", public=True)
)
def record_matrix(request: HttpRequest, slug: str) -> list[MatrixRowOut]:
    rows = selectors.decision_matrix(project=request.project)  # type: ignore[attr-defined]
    return [
        MatrixRowOut(
            area=r["area"],
            promised=r["promised"],
            decisions={c["level"]: [d.pk for d in c["decisions"]] for c in r["cells"]},
            shortfalls=r["shortfalls"],
        )
        for r in rows
    ]


@router.post(R + "/meetings", response={201: ItemOut}, auth=project_auth("write_entries"))
def record_meeting_create(request: HttpRequest, slug: str, payload: MeetingIn) -> Any:
    data = payload.dict()
    data["attachments"] = _files(payload.attachments)
    return Status(201, _item_out(request, _call(request, services.meeting_record, **data)))


@router.post(R + "/feedback", response={201: ItemOut}, auth=project_auth("write_entries"))
def record_feedback_create(request: HttpRequest, slug: str, payload: FeedbackIn) -> Any:
    return Status(201, _item_out(request, _call(request, services.feedback_give, **payload.dict())))


@router.post(R + "/feedback/{item_id}/answer", response=ItemOut, auth=project_auth("respond"))
def record_feedback_answer(request: HttpRequest, slug: str, item_id: int, payload: AnswerIn) -> Any:
    return _item_out(
        request, _call(request, services.feedback_answer, item_id=item_id, **payload.dict())
    )


@router.post(
    R + "/feedback/{item_id}/satisfaction",
    response=ItemOut,
    auth=project_auth("write_own_account"),
)
def record_feedback_satisfaction(
    request: HttpRequest, slug: str, item_id: int, payload: SatisfactionIn
) -> Any:
    item = _call(request, services.feedback_mark_satisfaction, item_id=item_id, **payload.dict())
    return _item_out(request, item)


@router.post(R + "/decisions", response={201: ItemOut}, auth=project_auth("write_entries"))
def record_decision_create(request: HttpRequest, slug: str, payload: DecisionIn) -> Any:
    data = payload.dict()
    return Status(201, _item_out(request, _call(request, services.decision_record, **data)))


@router.post(
    R + "/decisions/{item_id}/views",
    response={201: ItemOut},
    auth=project_auth("write_own_account"),
)
def record_decision_view(request: HttpRequest, slug: str, item_id: int, payload: ViewIn) -> Any:
    view = _call(request, services.decision_view_give, item_id=item_id, **payload.dict())
    return Status(201, _item_out(request, view.decision.item))


@router.post(R + "/disagreements", response={201: ItemOut}, auth=project_auth("write_entries"))
def record_disagreement_create(request: HttpRequest, slug: str, payload: DisagreementIn) -> Any:
    item = _call(request, services.disagreement_record, **payload.dict())
    return Status(201, _item_out(request, item))


@router.post(
    R + "/disagreements/{item_id}/positions",
    response={201: ItemOut},
    auth=project_auth("write_entries"),
)
def record_position_create(request: HttpRequest, slug: str, item_id: int, payload: TextIn) -> Any:
    position = _call(request, services.position_write, item_id=item_id, text=payload.text)
    return Status(201, _item_out(request, position.disagreement.item))


@router.put(R + "/positions/{position_id}", response=ItemOut, auth=project_auth("write_entries"))
def record_position_edit(request: HttpRequest, slug: str, position_id: int, payload: TextIn) -> Any:
    position = _call(request, services.position_edit, position_id=position_id, text=payload.text)
    return _item_out(request, position.disagreement.item)


@router.post(
    R + "/disagreements/{item_id}/outcome", response=ItemOut, auth=project_auth("write_entries")
)
def record_disagreement_outcome(
    request: HttpRequest, slug: str, item_id: int, payload: OutcomeIn
) -> Any:
    item = _call(request, services.disagreement_settle, item_id=item_id, **payload.dict())
    return _item_out(request, item)


@router.post(R + "/accounts", response={201: ItemOut}, auth=project_auth("write_own_account"))
def record_account_create(request: HttpRequest, slug: str, payload: AccountIn) -> Any:
    return Status(201, _item_out(request, _call(request, services.account_write, **payload.dict())))


@router.put(R + "/accounts/{item_id}", response=ItemOut, auth=project_auth("write_own_account"))
def record_account_edit(request: HttpRequest, slug: str, item_id: int, payload: TextIn) -> Any:
    item = _call(request, services.account_edit, item_id=item_id, text=payload.text)
    return _item_out(request, item)


@router.post(
    R + "/items/{item_id}/corrections", response={201: ItemOut}, auth=project_auth("write_entries")
)
def record_correction_create(request: HttpRequest, slug: str, item_id: int, payload: TextIn) -> Any:
    item = _call(request, services.correction_make, item_id=item_id, text=payload.text)
    return Status(201, _item_out(request, item))
