"""Co-owned documents over the API: same services and policy as the pages. Responses read
the rows through their declared snapshots (snapshots.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from workings.accounts.api_auth import project_auth
from workings.core.exceptions import NotFound
from workings.core.schema import InputSchema
from workings.documents import export, selectors, services, suggestions
from workings.documents.diff import word_diff
from workings.documents.models import Document, Version
from workings.documents.permissions import document_get_for
from workings.documents.snapshots import VersionSnapshot

router = Router(tags=["documents"])
VIEW = project_auth("view_members")


class DocumentOut(Schema):
    id: int
    kind: str
    title: str
    latest_version: int | None
    latest_approved: int | None


class DocumentApprovalOut(Schema):
    by: str
    kind: str
    at: dt.datetime


class DocumentDissentOut(Schema):
    by: str
    text: str


class DocumentVersionOut(Schema):
    number: int
    based_on: int | None
    text: str
    note: str
    author: str
    approved: bool
    approvals: list[DocumentApprovalOut]
    dissents: list[DocumentDissentOut]


class DocumentDetailOut(DocumentOut):
    versions: list[DocumentVersionOut]


class DocumentSuggestionOut(Schema):
    id: int
    version: int
    original: str
    replacement: str
    status: str
    made_version: int | None


class DocumentSubmissionOut(Schema):
    version: int
    submitted_on: dt.date
    application: str


class DocumentCreateIn(InputSchema):
    kind: str
    title: str = ""
    text: str = ""


class DocumentProposeIn(InputSchema):
    base: int | None = None
    text: str
    note: str = ""


class DocumentApproveIn(InputSchema):
    # Refused unless it is the caller: nobody approves on another owner's behalf.
    on_behalf_of: int | None = None


class DocumentDissentIn(InputSchema):
    text: str


class DocumentSubmitIn(InputSchema):
    application: str
    on: str = ""


class DocumentSuggestIn(InputSchema):
    original: str
    replacement: str
    occurrence: int = 1


class DocumentDecideIn(InputSchema):
    accept: bool


class DocumentDiffPartOut(Schema):
    op: str
    text: str


class DocumentExportOut(Schema):
    title: str
    kind: str
    version: int
    text: str
    approved_at: dt.datetime
    approvals: list[dict[str, Any]]
    dissents: list[dict[str, Any]]
    submissions: list[dict[str, Any]]


def _doc(request: HttpRequest, document_id: int) -> Document:
    return document_get_for(request.user, request.project, document_id)  # type: ignore[attr-defined]


def _document_out(d: Document) -> DocumentOut:
    latest = d.versions.order_by("-number").first()
    approved = selectors.latest_approved(d)
    return DocumentOut(
        id=d.pk,
        kind=d.kind,
        title=d.title,
        latest_version=latest.number if latest else None,
        latest_approved=approved.number if approved else None,
    )


def _version_out(v: Version, names: dict[int, str]) -> DocumentVersionOut:
    snap = VersionSnapshot.read(v.snapshot())
    return DocumentVersionOut(
        number=snap.number,
        based_on=snap.based_on,
        text=snap.text,
        note=snap.note,
        author=names.get(snap.author, ""),
        approved=snap.approved,
        approvals=[
            DocumentApprovalOut(by=names.get(a.user_id, ""), kind=a.kind, at=a.created_at)
            for a in v.approvals.all()
        ],
        dissents=[
            DocumentDissentOut(by=names.get(d.user_id, ""), text=d.text) for d in v.dissents.all()
        ],
    )


@router.get("/projects/{slug}/documents", response=list[DocumentOut], auth=VIEW)
def document_list(request: HttpRequest, slug: str) -> list[DocumentOut]:
    return [_document_out(d) for d in selectors.document_list(project=request.project)]  # type: ignore[attr-defined]


@router.post("/projects/{slug}/documents", response={201: DocumentOut}, auth=VIEW)
def document_create(
    request: HttpRequest, slug: str, payload: DocumentCreateIn
) -> Status[DocumentOut]:
    document = services.document_create(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        kind=payload.kind,
        title=payload.title,
        text=payload.text,
    )
    return Status(201, _document_out(document))


@router.get("/projects/{slug}/documents/{document_id}", response=DocumentDetailOut, auth=VIEW)
def document_detail(request: HttpRequest, slug: str, document_id: int) -> DocumentDetailOut:
    d = _doc(request, document_id)
    names = selectors.labels(d.project)
    out = _document_out(d)
    return DocumentDetailOut(
        **out.dict(), versions=[_version_out(v, names) for v in selectors.versions_of(d)]
    )


@router.post(
    "/projects/{slug}/documents/{document_id}/versions",
    response={201: DocumentVersionOut},
    auth=VIEW,
)
def document_propose(
    request: HttpRequest, slug: str, document_id: int, payload: DocumentProposeIn
) -> Status[DocumentVersionOut]:
    """Propose a version based on `base` (the latest you saw). A stale base answers 409
    with the latest version, so the two can be merged."""
    d = _doc(request, document_id)
    version = services.version_propose(
        actor=request.user, document=d, base=payload.base, text=payload.text, note=payload.note
    )
    return Status(201, _version_out(version, selectors.labels(d.project)))


@router.post(
    "/projects/{slug}/documents/{document_id}/versions/{number}/approve",
    response=DocumentVersionOut,
    auth=VIEW,
)
def document_approve(
    request: HttpRequest, slug: str, document_id: int, number: int, payload: DocumentApproveIn
) -> DocumentVersionOut:
    d = _doc(request, document_id)
    version = services.version_approve(
        actor=request.user, document=d, number=number, on_behalf_of=payload.on_behalf_of
    )
    return _version_out(version, selectors.labels(d.project))


@router.post(
    "/projects/{slug}/documents/{document_id}/versions/{number}/dissent",
    response={201: DocumentDissentOut},
    auth=VIEW,
)
def document_dissent(
    request: HttpRequest, slug: str, document_id: int, number: int, payload: DocumentDissentIn
) -> Status[DocumentDissentOut]:
    d = _doc(request, document_id)
    dissent = services.dissent_add(actor=request.user, document=d, number=number, text=payload.text)
    names = selectors.labels(d.project)
    return Status(201, DocumentDissentOut(by=names.get(dissent.user_id, ""), text=dissent.text))


@router.post(
    "/projects/{slug}/documents/{document_id}/versions/{number}/submit",
    response={201: DocumentSubmissionOut},
    auth=VIEW,
)
def document_submit(
    request: HttpRequest, slug: str, document_id: int, number: int, payload: DocumentSubmitIn
) -> Status[DocumentSubmissionOut]:
    d = _doc(request, document_id)
    s = services.version_submit(
        actor=request.user,
        document=d,
        number=number,
        application=payload.application,
        on=payload.on,
    )
    return Status(
        201,
        DocumentSubmissionOut(
            version=number, submitted_on=s.submitted_on, application=s.application
        ),
    )


@router.post(
    "/projects/{slug}/documents/{document_id}/versions/{number}/suggestions",
    response={201: DocumentSuggestionOut},
    auth=VIEW,
)
def document_suggest(
    request: HttpRequest, slug: str, document_id: int, number: int, payload: DocumentSuggestIn
) -> Status[DocumentSuggestionOut]:
    d = _doc(request, document_id)
    s = suggestions.suggestion_make(
        actor=request.user,
        document=d,
        number=number,
        original=payload.original,
        replacement=payload.replacement,
        occurrence=payload.occurrence,
    )
    return Status(201, _suggestion_out(s, number))


def _suggestion_out(s: Any, number: int) -> DocumentSuggestionOut:
    return DocumentSuggestionOut(
        id=s.pk,
        version=number,
        original=s.original,
        replacement=s.replacement,
        status=s.status,
        made_version=s.made_version,
    )


@router.post(
    "/projects/{slug}/documents/{document_id}/suggestions/{suggestion_id}/decide",
    response=DocumentSuggestionOut,
    auth=VIEW,
)
def document_suggestion_decide(
    request: HttpRequest, slug: str, document_id: int, suggestion_id: int, payload: DocumentDecideIn
) -> DocumentSuggestionOut:
    d = _doc(request, document_id)
    s = suggestions.suggestion_decide(
        actor=request.user, document=d, suggestion_id=suggestion_id, accept=payload.accept
    )
    return _suggestion_out(s, s.of_version.number)


@router.get(
    "/projects/{slug}/documents/{document_id}/diff", response=list[DocumentDiffPartOut], auth=VIEW
)
def document_diff(
    request: HttpRequest, slug: str, document_id: int, old: int, new: int
) -> list[DocumentDiffPartOut]:
    """Word-level differences from version `old` to version `new`."""
    d = _doc(request, document_id)
    a, b = selectors.version_get(d, old), selectors.version_get(d, new)
    if a is None or b is None:
        raise NotFound("This document has no such version.")
    return [DocumentDiffPartOut(op=p.op, text=p.text) for p in word_diff(a.text, b.text)]


@router.get(
    "/projects/{slug}/documents/{document_id}/export", response=DocumentExportOut, auth=VIEW
)
def document_export(request: HttpRequest, slug: str, document_id: int) -> DocumentExportOut:
    """The latest approved version, who approved it and when, and every dissent note."""
    return DocumentExportOut(**export.export_data(_doc(request, document_id)))
