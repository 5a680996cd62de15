"""Agreements over the API: the same services and policy as the pages. Every endpoint checks
the project policy (project_auth) before its body is parsed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from workings.accounts.api_auth import ProjectAccess, project_auth
from workings.agreements import selectors, services
from workings.agreements.diff import version_diff
from workings.agreements.integrity import checkpoint_for, checkpoint_summary, version_hash
from workings.agreements.models import AgreementVersion
from workings.agreements.permissions import agreement_policy
from workings.agreements.presenters import version_view
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.core.schema import InputSchema

router = Router(tags=["agreements"])


class AgreementAccess(ProjectAccess):
    """The project policy first (as project_auth), then the agreement's own rule, both before
    the body is parsed: drafting is for leads and contributors, commenting for members,
    answering for the version's parties."""

    def __init__(self, need: str) -> None:
        super().__init__("view_record")
        self.need = need

    def __call__(self, request: HttpRequest) -> Any:
        user = super().__call__(request)
        if user is None:
            return None
        project = request.project  # type: ignore[attr-defined]
        if self.need == "draft" and not agreement_policy.can_draft(user, project):
            raise NotAllowed(_("Only a lead or a public contributor can do that."))
        if self.need == "comment" and not agreement_policy.can_comment(user, project):
            raise NotAllowed(_("Only members of this project can comment on its agreement."))
        if self.need == "sign":
            number = request.resolver_match.kwargs.get("number") if request.resolver_match else None
            # The path is not yet validated here (authentication runs first): any text may come.
            number = str(number or "")
            version = (
                selectors.version_get(project, int(number))
                if number.isdigit() and len(number) < 10
                else None
            )
            if version is None:
                raise NotFound(_("There is no such version of this agreement."))
            if not agreement_policy.is_party(user, version):
                raise NotAllowed(
                    _("You are not a party to this agreement, so you are not asked to sign.")
                )
        return user


READ = project_auth("view_record")
DRAFT = [AgreementAccess("draft")]
COMMENT = [AgreementAccess("comment")]
SIGN = [AgreementAccess("sign")]
PAGE_SIZE = 50


class VersionSummaryOut(Schema):
    number: int
    status: str
    based_on: int | None
    created_at: dt.datetime
    proposed_at: dt.datetime | None
    in_force_at: dt.datetime | None
    ended_at: dt.datetime | None


class AnswerOut(Schema):
    party: str
    answer: str
    words: str
    content_hash: str
    signed_at: dt.datetime


class CommentOut(Schema):
    id: int
    section: str
    parent: int | None
    author: str
    body: str
    created_at: dt.datetime


class CheckpointOut(Schema):
    size: int
    root: str
    note: str


class VersionOut(VersionSummaryOut):
    revision: int
    content: dict[str, Any]
    content_hash: str
    answers: list[AnswerOut]
    waiting_for: list[str]
    checkpoint: CheckpointOut | None
    readability: dict[str, float | None]


class AgreementStageOut(Schema):
    name: str
    handler: str
    handler_role: str
    response_days: int


class AgreementOut(Schema):
    in_force: int | None
    current: int | None
    procedure_is_default: bool
    stages: list[AgreementStageOut]
    independent_person: str
    funder_stage_index: int
    you_are_asked_to_sign: int | None


class StartIn(InputSchema):
    source: str = "template"  # template | blank | version
    from_version: int | None = None


class SaveIn(InputSchema):
    revision: int
    content: dict[str, Any]


class CommentIn(InputSchema):
    section: str
    body: str
    parent: int | None = None


class SignIn(InputSchema):
    answer: str
    words: str = ""
    party_id: int | None = None  # if given, must be your own id: no one signs for another


class SectionDiffOut(Schema):
    section: str
    title: str
    changed: bool
    parts: list[dict[str, str]]


def _version(request: HttpRequest, number: int) -> AgreementVersion:
    version = selectors.version_get(request.project, number)  # type: ignore[attr-defined]
    if version is None:
        raise NotFound(_("There is no such version of this agreement."))
    return version


def _summary(v: AgreementVersion) -> dict[str, Any]:
    return {
        "number": v.number,
        "status": v.status,
        "based_on": v.based_on.number if v.based_on_id and v.based_on else None,
        "created_at": v.created_at,
        "proposed_at": v.proposed_at,
        "in_force_at": v.in_force_at,
        "ended_at": v.ended_at,
    }


def _detail(v: AgreementVersion) -> dict[str, Any]:
    view = version_view(v, with_comments=False)
    return {
        **_summary(v),
        "revision": v.revision,
        "content": v.content,
        "content_hash": version_hash(v),
        "answers": [
            {
                "party": a.membership.label,
                "answer": a.answer,
                "words": a.words,
                "content_hash": a.content_hash,
                "signed_at": a.signed_at,
            }
            for a in view["answers"]
        ],
        "waiting_for": [m.label for m in view["waiting"]],
        "checkpoint": checkpoint_summary(checkpoint_for(v)),
        "readability": {
            s["key"]: s["readability"].score if s["readability"] else None for s in view["sections"]
        },
    }


@router.get("/projects/{slug}/agreement", response=AgreementOut, auth=READ)
def agreement_summary(request: HttpRequest, slug: str) -> dict[str, Any]:
    project = request.project  # type: ignore[attr-defined]
    in_force = selectors.version_in_force(project)
    current = selectors.current_version(project)
    procedure = selectors.procedure_for(project)
    to_sign = selectors.pending_signature_for(request.user, project)
    return {
        "in_force": in_force.number if in_force else None,
        "current": current.number if current else None,
        "procedure_is_default": procedure.is_default,
        "stages": [s.__dict__ for s in procedure.stages],
        "independent_person": procedure.independent_person,
        "funder_stage_index": procedure.funder_stage_index,
        "you_are_asked_to_sign": to_sign.number if to_sign else None,
    }


@router.get("/projects/{slug}/agreement/versions", response=list[VersionSummaryOut], auth=READ)
def agreement_version_list(request: HttpRequest, slug: str, page: int = 1) -> list[dict[str, Any]]:
    paginator = Paginator(selectors.amendment_history(request.project), PAGE_SIZE)  # type: ignore[attr-defined]
    return [_summary(v) for v in paginator.get_page(page)]


@router.post("/projects/{slug}/agreement/versions", response={201: VersionOut}, auth=DRAFT)
def agreement_version_start(request: HttpRequest, slug: str, payload: StartIn) -> Any:
    version = services.draft_start(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        source=payload.source,
        from_number=payload.from_version,
    )
    return Status(201, _detail(version))


@router.get("/projects/{slug}/agreement/versions/{number}", response=VersionOut, auth=READ)
def agreement_version_detail(request: HttpRequest, slug: str, number: int) -> dict[str, Any]:
    return _detail(_version(request, number))


@router.put("/projects/{slug}/agreement/versions/{number}", response=VersionOut, auth=DRAFT)
def agreement_version_save(
    request: HttpRequest, slug: str, number: int, payload: SaveIn
) -> dict[str, Any]:
    """Save a draft. A stale `revision` gets 409 with both the saved content and yours."""
    version = _version(request, number)
    try:
        saved = services.draft_save(
            actor=request.user, version=version, revision=payload.revision, content=payload.content
        )
    except services.DraftConflict as conflict:
        return JsonResponse(  # type: ignore[return-value]
            {
                "detail": conflict.message,
                "revision": conflict.revision,
                "theirs": conflict.theirs,
                "yours": payload.content,
            },
            status=409,
        )
    return _detail(saved)


@router.post(
    "/projects/{slug}/agreement/versions/{number}/propose", response=VersionOut, auth=DRAFT
)
def agreement_version_propose(request: HttpRequest, slug: str, number: int) -> dict[str, Any]:
    version = services.version_propose(actor=request.user, version=_version(request, number))
    return _detail(version)


@router.post(
    "/projects/{slug}/agreement/versions/{number}/signatures",
    response={201: AnswerOut},
    auth=SIGN,
)
def agreement_version_sign(request: HttpRequest, slug: str, number: int, payload: SignIn) -> Any:
    version = _version(request, number)
    if payload.party_id is not None and payload.party_id != request.user.pk:
        raise NotAllowed(
            _("You can only answer for yourself. No one can sign on someone else's behalf.")
        )
    signature = services.signature_create(
        actor=request.user, version=version, answer=payload.answer, words=payload.words
    )
    return Status(
        201,
        {
            "party": signature.membership.label,
            "answer": signature.answer,
            "words": signature.words,
            "content_hash": signature.content_hash,
            "signed_at": signature.signed_at,
        },
    )


@router.get(
    "/projects/{slug}/agreement/versions/{number}/comments",
    response=list[CommentOut],
    auth=READ,
)
def agreement_comment_list(request: HttpRequest, slug: str, number: int) -> list[dict[str, Any]]:
    version = _version(request, number)
    labels = selectors.membership_labels(version.project)
    return [
        {
            "id": c.pk,
            "section": c.section,
            "parent": c.parent_id,
            "author": labels.get(c.author_id, "A former member"),
            "body": c.body,
            "created_at": c.created_at,
        }
        for c in version.comments.order_by("created_at", "id")
    ]


@router.post(
    "/projects/{slug}/agreement/versions/{number}/comments",
    response={201: CommentOut},
    auth=COMMENT,
)
def agreement_comment_create(
    request: HttpRequest, slug: str, number: int, payload: CommentIn
) -> Any:
    comment = services.comment_create(
        actor=request.user,
        version=_version(request, number),
        section=payload.section,
        body=payload.body,
        parent_id=payload.parent,
    )
    return Status(
        201,
        {
            "id": comment.pk,
            "section": comment.section,
            "parent": comment.parent_id,
            "author": selectors.membership_labels(comment.version.project).get(
                comment.author_id, ""
            ),
            "body": comment.body,
            "created_at": comment.created_at,
        },
    )


@router.get("/projects/{slug}/agreement/diff", response=list[SectionDiffOut], auth=READ)
def agreement_diff(request: HttpRequest, slug: str, old: int, new: int) -> list[dict[str, Any]]:
    a, b = _version(request, old), _version(request, new)
    if a.pk == b.pk:
        raise ValidationFailed(_("Choose two different versions to compare."))
    labels = selectors.membership_labels(a.project)
    return [
        {
            "section": d.key,
            "title": d.title,
            "changed": d.changed,
            "parts": [{"op": p.op, "text": p.text} for p in d.parts],
        }
        for d in version_diff(a.content, b.content, labels)
    ]
