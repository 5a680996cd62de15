"""Audits over the API: the same services, selectors and policy as the pages. One person's
self-assessment is never returned: only each side's totals."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from workings.accounts.api_auth import project_auth
from workings.audits import selectors, services
from workings.audits.figures import describe
from workings.audits.models import Audit, Side
from workings.audits.permissions import audit_get_for
from workings.core.schema import InputSchema

router = Router(tags=["audits"])
MEMBERS = project_auth("view_members")


class AuditFigureOut(Schema):
    key: str
    label: str
    sentence: str
    standards: list[str]
    evidence_url: str
    counts: dict[str, Any]
    needs_attention: bool


class StandardTotalsOut(Schema):
    standard: str
    contributors: str | None
    researchers: str | None
    gap: str | None


class FindingOut(Schema):
    id: int
    standard: str
    text: str
    action_milestone: int
    action: str
    owner: int
    due_on: str
    action_status: str


class AuditOut(Schema):
    id: int
    number: int
    kind: str
    opened_on: str
    status: str
    signed_on: str | None
    statement: str
    figures: list[AuditFigureOut]
    answers: dict[str, int]
    totals: list[StandardTotalsOut]
    findings: list[FindingOut]


class AuditSummaryOut(Schema):
    id: int
    number: int
    kind: str
    opened_on: str
    status: str
    signed_on: str | None


class AssessmentIn(InputSchema):
    ratings: dict[str, int]
    anonymous: bool = False


class FindingIn(InputSchema):
    standard: str
    text: str
    action: str
    owner: int | None = None
    due_on: str


class AuditSignIn(InputSchema):
    statement: str = ""


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _audit_out(audit: Audit) -> AuditOut:
    totals = selectors.side_totals(audit)
    return AuditOut(
        id=audit.pk,
        number=audit.number,
        kind=audit.kind,
        opened_on=audit.opened_on.isoformat(),
        status=audit.status,
        signed_on=audit.signed_on.isoformat() if audit.signed_on else None,
        statement=audit.statement,
        figures=[
            AuditFigureOut(
                key=d.key,
                label=d.label,
                sentence=d.sentence,
                standards=[k for k, _label in d.standards],
                evidence_url=d.url,
                counts=d.counts,
                needs_attention=d.flagged,
            )
            for d in (describe(f) for f in audit.figures)
        ],
        answers={s: totals.answers.get(s, 0) for s in Side.values},
        totals=[
            StandardTotalsOut(
                standard=r.key,
                contributors=_str(r.contributors),
                researchers=_str(r.researchers),
                gap=_str(r.gap),
            )
            for r in totals.rows
        ],
        findings=[
            FindingOut(
                id=f.pk,
                standard=f.standard,
                text=f.text,
                action_milestone=f.action_id,
                action=f.action.title,
                owner=f.action.owner_id,
                due_on=f.action.due_on.isoformat(),
                action_status=f.action.status,
            )
            for f in selectors.findings_of(audit)
        ],
    )


@router.get("/projects/{slug}/audits", response=list[AuditSummaryOut], auth=MEMBERS)
def audit_list(request: HttpRequest, slug: str) -> list[AuditSummaryOut]:
    return [
        AuditSummaryOut(
            id=a.pk,
            number=a.number,
            kind=a.kind,
            opened_on=a.opened_on.isoformat(),
            status=a.status,
            signed_on=a.signed_on.isoformat() if a.signed_on else None,
        )
        for a in selectors.audit_list(project=request.project)  # type: ignore[attr-defined]
    ]


@router.post("/projects/{slug}/audits", response={201: AuditOut}, auth=MEMBERS)
def audit_open(request: HttpRequest, slug: str) -> Status[AuditOut]:
    """Ask for an audit now (the funder's reviewers or a public contributor)."""
    audit = services.audit_open(actor=request.user, project=request.project)  # type: ignore[attr-defined]
    return Status(201, _audit_out(audit))


@router.get("/projects/{slug}/audits/{audit_id}", response=AuditOut, auth=MEMBERS)
def audit_get(request: HttpRequest, slug: str, audit_id: int) -> AuditOut:
    return _audit_out(audit_get_for(request.user, request.project, audit_id))  # type: ignore[attr-defined]


@router.post(
    "/projects/{slug}/audits/{audit_id}/self-assessment", response={201: None}, auth=MEMBERS
)
def audit_assess(
    request: HttpRequest, slug: str, audit_id: int, payload: AssessmentIn
) -> Status[None]:
    """Give your self-assessment, once (contributors and the research team). Nothing of it
    is returned: only each side's totals are ever shown."""
    audit = audit_get_for(request.user, request.project, audit_id)  # type: ignore[attr-defined]
    services.assessment_give(actor=request.user, audit=audit, **payload.dict())
    return Status(201, None)


@router.post("/projects/{slug}/audits/{audit_id}/findings", response={201: AuditOut}, auth=MEMBERS)
def audit_finding_add(
    request: HttpRequest, slug: str, audit_id: int, payload: FindingIn
) -> Status[AuditOut]:
    audit = audit_get_for(request.user, request.project, audit_id)  # type: ignore[attr-defined]
    services.finding_add(actor=request.user, audit=audit, **payload.dict())
    return Status(201, _audit_out(audit))


@router.post("/projects/{slug}/audits/{audit_id}/sign", response=AuditOut, auth=MEMBERS)
def audit_sign(request: HttpRequest, slug: str, audit_id: int, payload: AuditSignIn) -> AuditOut:
    """Sign the audit (the funder's reviewers): it closes, recorded in the project's log."""
    audit = audit_get_for(request.user, request.project, audit_id)  # type: ignore[attr-defined]
    return _audit_out(services.audit_sign(actor=request.user, audit=audit, **payload.dict()))
