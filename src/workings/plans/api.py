"""The plan over the API: the same services, selectors and policy as the pages."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema, Status

from workings.accounts.api_auth import project_auth
from workings.core import clock
from workings.core.schema import InputSchema
from workings.plans import minutes as minutes_services
from workings.plans import selectors, services
from workings.plans.models import Milestone, Minutes, Training
from workings.plans.permissions import milestone_get_for, minutes_get_for
from workings.plans.snapshots import MilestoneSnapshot, MinutesSnapshot, TrainingSnapshot

router = Router(tags=["plans"])
MEMBERS = project_auth("view_members")


class MilestoneOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    due_on: str
    owner: int
    status: str
    progress: int
    tied_to: int | None
    done_on: str | None
    slipped_on: str | None
    slipped: bool
    out_of_order: bool


class KindFiguresOut(Schema):
    kind: str
    planned: int
    due: int
    done: int
    on_time: int
    slipped: int
    dropped: int


class PlanOut(Schema):
    milestones: list[MilestoneOut]
    planned_against_delivered: list[KindFiguresOut]


class TrainingOut(Schema):
    id: int
    person: int
    kind: str
    what: str
    given_on: str
    given_by: str
    hours: str | None


class EvidenceOut(Schema):
    id: int
    milestone: int
    kind: str
    ref: int | None
    path: str
    note: str


class MilestoneIn(InputSchema):
    kind: str
    title: str
    description: str = ""
    due_on: str
    owner: int
    tied_to: int | None = None


class ProgressIn(InputSchema):
    status: str
    progress: int | None = None


class EvidenceIn(InputSchema):
    kind: str
    ref: int | None = None
    path: str = ""
    note: str = ""


class TrainingIn(InputSchema):
    person: int | None = None
    kind: str
    what: str
    given_on: str
    given_by: str
    hours: str | None = None


def _milestone_out(m: Milestone, slipped: set[int], tied: set[int]) -> MilestoneOut:
    snap = MilestoneSnapshot.read(m.snapshot())
    return MilestoneOut(
        id=m.pk,
        kind=snap.kind,
        title=snap.title,
        description=snap.description,
        due_on=snap.due_on,
        owner=snap.owner,
        status=snap.status,
        progress=snap.progress,
        tied_to=snap.tied_to,
        done_on=snap.done_on,
        slipped_on=snap.slipped_on,
        slipped=m.pk in slipped,
        out_of_order=m.pk in tied,
    )


def _one(m: Milestone) -> MilestoneOut:
    found = selectors.flags(selectors.milestone_list(project=m.project), clock.today())
    return _milestone_out(m, found.slipped, found.tied_ids)


@router.get("/projects/{slug}/plan", response=PlanOut, auth=MEMBERS)
def plan_get(request: HttpRequest, slug: str) -> PlanOut:
    """Every milestone with its flags (slipped; done out of order), and planned against
    delivered by kind. Members and the funder's reviewers."""
    project = request.project  # type: ignore[attr-defined]
    today = clock.today()
    milestones = selectors.milestone_list(project=project)
    found = selectors.flags(milestones, today)
    return PlanOut(
        milestones=[_milestone_out(m, found.slipped, found.tied_ids) for m in milestones],
        planned_against_delivered=[
            KindFiguresOut(
                kind=f.kind,
                planned=f.planned,
                due=f.due,
                done=f.done,
                on_time=f.on_time,
                slipped=f.slipped,
                dropped=f.dropped,
            )
            for f in selectors.planned_against_delivered(milestones, today)
        ],
    )


@router.post("/projects/{slug}/plan/milestones", response={201: MilestoneOut}, auth=MEMBERS)
def plan_milestone_add(
    request: HttpRequest, slug: str, payload: MilestoneIn
) -> Status[MilestoneOut]:
    """Plan a research or involvement milestone (the lead)."""
    milestone = services.milestone_add(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        **payload.dict(),
    )
    return Status(201, _one(milestone))


@router.post(
    "/projects/{slug}/plan/milestones/{milestone_id}/progress",
    response=MilestoneOut,
    auth=MEMBERS,
)
def plan_milestone_progress(
    request: HttpRequest, slug: str, milestone_id: int, payload: ProgressIn
) -> MilestoneOut:
    """Report progress (the milestone's owner or the lead)."""
    milestone = milestone_get_for(request.user, request.project, milestone_id)  # type: ignore[attr-defined]
    milestone = services.milestone_progress(
        actor=request.user, milestone=milestone, **payload.dict()
    )
    return _one(milestone)


@router.post(
    "/projects/{slug}/plan/milestones/{milestone_id}/evidence",
    response={201: EvidenceOut},
    auth=MEMBERS,
)
def plan_evidence_add(
    request: HttpRequest, slug: str, milestone_id: int, payload: EvidenceIn
) -> Status[EvidenceOut]:
    milestone = milestone_get_for(request.user, request.project, milestone_id)  # type: ignore[attr-defined]
    evidence = services.evidence_add(actor=request.user, milestone=milestone, **payload.dict())
    return Status(
        201,
        EvidenceOut(
            id=evidence.pk,
            milestone=milestone.pk,
            kind=evidence.kind,
            ref=evidence.ref,
            path=evidence.path,
            note=evidence.note,
        ),
    )


def _training_out(t: Training) -> TrainingOut:
    snap = TrainingSnapshot.read(t.snapshot())
    return TrainingOut(
        id=t.pk,
        person=snap.person,
        kind=snap.kind,
        what=snap.what,
        given_on=snap.given_on,
        given_by=snap.given_by,
        hours=snap.hours,
    )


@router.get("/projects/{slug}/plan/training", response=list[TrainingOut], auth=MEMBERS)
def plan_training_list(request: HttpRequest, slug: str) -> list[TrainingOut]:
    """The training and support log, newest first (the latest 500)."""
    rows = selectors.training_list(project=request.project)[:500]  # type: ignore[attr-defined]
    return [_training_out(t) for t in rows]


@router.post("/projects/{slug}/plan/training", response={201: TrainingOut}, auth=MEMBERS)
def plan_training_log(request: HttpRequest, slug: str, payload: TrainingIn) -> Status[TrainingOut]:
    training = services.training_log(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        **payload.dict(),
    )
    return Status(201, _training_out(training))


class MinutesCommentOut(Schema):
    id: int
    author: int
    body: str
    created_at: str


class MinutesOut(Schema):
    id: int
    title: str
    met_on: str
    meeting: int | None
    draft: str
    comments_until: str
    written_by: int
    status: str
    final: str
    change_note: str
    finalised_on: str | None
    comments: list[MinutesCommentOut]


class MinutesIn(InputSchema):
    title: str
    met_on: str
    draft: str
    comments_until: str
    meeting: int | None = None


class MinutesCommentIn(InputSchema):
    body: str


class MinutesFinaliseIn(InputSchema):
    final: str = ""
    change_note: str


def _minutes_out(m: Minutes) -> MinutesOut:
    snap = MinutesSnapshot.read(m.snapshot())
    return MinutesOut(
        id=m.pk,
        title=snap.title,
        met_on=snap.met_on,
        meeting=snap.meeting,
        draft=snap.draft,
        comments_until=snap.comments_until,
        written_by=snap.written_by,
        status=snap.status,
        final=snap.final,
        change_note=snap.change_note,
        finalised_on=snap.finalised_on,
        comments=[
            MinutesCommentOut(
                id=c.pk, author=c.author_id, body=c.body, created_at=c.created_at.isoformat()
            )
            for c in m.comments.order_by("id")
        ],
    )


@router.get("/projects/{slug}/minutes", response=list[MinutesOut], auth=MEMBERS)
def plan_minutes_list(request: HttpRequest, slug: str) -> list[MinutesOut]:
    """The minutes of steering meetings (drafts and final), newest meeting first, with the
    contributors' comments (the latest 200)."""
    rows = (
        Minutes.objects.filter(project=request.project)  # type: ignore[attr-defined]
        .prefetch_related("comments")
        .order_by("-met_on", "-id")[:200]
    )
    return [_minutes_out(m) for m in rows]


@router.post("/projects/{slug}/minutes", response={201: MinutesOut}, auth=MEMBERS)
def plan_minutes_draft(request: HttpRequest, slug: str, payload: MinutesIn) -> Status[MinutesOut]:
    """Share draft minutes for contributors' comments until a day (the lead or a researcher)."""
    minutes = minutes_services.minutes_draft(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        **payload.dict(),
    )
    return Status(201, _minutes_out(minutes))


@router.get("/projects/{slug}/minutes/{minutes_id}", response=MinutesOut, auth=MEMBERS)
def plan_minutes_get(request: HttpRequest, slug: str, minutes_id: int) -> MinutesOut:
    return _minutes_out(minutes_get_for(request.user, request.project, minutes_id))  # type: ignore[attr-defined]


@router.post(
    "/projects/{slug}/minutes/{minutes_id}/comments",
    response={201: MinutesCommentOut},
    auth=MEMBERS,
)
def plan_minutes_comment(
    request: HttpRequest, slug: str, minutes_id: int, payload: MinutesCommentIn
) -> Status[MinutesCommentOut]:
    """Comment on draft minutes while comments are open (contributors)."""
    minutes = minutes_get_for(request.user, request.project, minutes_id)  # type: ignore[attr-defined]
    c = minutes_services.minutes_comment(actor=request.user, minutes=minutes, **payload.dict())
    return Status(
        201,
        MinutesCommentOut(
            id=c.pk, author=c.author_id, body=c.body, created_at=c.created_at.isoformat()
        ),
    )


@router.post("/projects/{slug}/minutes/{minutes_id}/finalise", response=MinutesOut, auth=MEMBERS)
def plan_minutes_finalise(
    request: HttpRequest, slug: str, minutes_id: int, payload: MinutesFinaliseIn
) -> MinutesOut:
    """Make the minutes final after comments close, with what changed (their writer)."""
    minutes = minutes_get_for(request.user, request.project, minutes_id)  # type: ignore[attr-defined]
    minutes = minutes_services.minutes_finalise(
        actor=request.user, minutes=minutes, **payload.dict()
    )
    return _minutes_out(minutes)
