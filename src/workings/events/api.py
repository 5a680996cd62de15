"""A project's log over the API, in the shapes outside verifiers expect: the checkpoint as
a C2SP signed note (text/plain), hashes in standard base64, proofs as RFC 9162 lists."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from workings.accounts.api_auth import project_auth
from workings.core.exceptions import NotFound
from workings.core.schema import InputSchema
from workings.events import selectors, services
from workings.events.content import readable_part
from workings.events.permissions import log_policy, mark_public_withholding, note_sealed_reads
from workings.events.services.cosigning import cosigned_note

router = Router(tags=["log"])

READ = project_auth("view_record", public=True)


def _b64(data: bytes | memoryview | None) -> str | None:
    return None if data is None else base64.b64encode(bytes(data)).decode("ascii")


class EntryOut(Schema):
    seq: int
    leaf: str
    leaf_hash: str
    type: str
    time: dt.datetime
    sealed: bool
    erased: bool
    content: Any = None
    salt: str | None = None
    # The pieces of a public entry's member part (personal data) this reader may see:
    # {reference: {"salt", "value"}}, each opening the hash ``content`` carries for it
    # under "members". For members only; e-mail addresses for the project's leads only.
    members_content: Any = None


class EntriesOut(Schema):
    size: int
    start: int
    end: int
    next_start: int | None
    entries: list[EntryOut]


class InclusionOut(Schema):
    index: int
    tree_size: int
    leaf_hash: str
    hashes: list[str]


class ConsistencyOut(Schema):
    first: int
    second: int
    hashes: list[str]


class EraseIn(InputSchema):
    reason: str


class EraseOut(Schema):
    erased_seq: int
    erasure_seq: int


class HideIn(Schema):
    category: str
    reason: str = ""


class HideOut(Schema):
    seq: int
    event_seq: int


@router.get(
    "/projects/{slug}/log/checkpoint", auth=READ, response={200: None}, url_name="log-checkpoint"
)
def checkpoint(request: HttpRequest, slug: str) -> HttpResponse:
    """The latest signed checkpoint (C2SP tlog-checkpoint in a signed note), with the
    cosignatures of the witnesses that have checked it (C2SP tlog-cosignature)."""
    cp = selectors.latest_checkpoint(project=request.project)  # type: ignore[attr-defined]
    if cp is None:
        raise NotFound(_("This project's log has no checkpoint yet."))
    return HttpResponse(cosigned_note(cp), content_type="text/plain; charset=utf-8")


@router.get("/projects/{slug}/log/entries", auth=READ, response=EntriesOut, url_name="log-entries")
def entries(request: HttpRequest, slug: str, start: int = 0, end: int | None = None) -> Any:
    """Entries start <= seq < end, at most 1,000 at a time. Every entry's public header is
    shown; its content and salt only to people who may read that content, and the member
    part of a public entry (personal data) only to the project's members."""
    project = request.project  # type: ignore[attr-defined]
    rows, size = selectors.entries_range(project=project, start=start, end=end)
    mark_public_withholding(project, rows)
    contacts = log_policy.can_view_contacts(request.user, project)
    out = []
    shown = []
    for e in rows:
        visible = log_policy.can_view_content(request.user, project, e)
        body = getattr(e, "body", None)
        erased = bool(body and body.is_erased)
        members = None
        if visible and body is not None and body.members_content is not None:
            if log_policy.can_view_member_part(request.user, project, e):
                members = readable_part(body.members_content, contact=contacts)
        if visible and body and not erased:
            shown.append(e)
        out.append(
            {
                "seq": e.seq,
                "leaf": _b64(e.leaf),
                "leaf_hash": _b64(e.leaf_hash),
                "type": e.type,
                "time": e.recorded_at,
                "sealed": e.sealed,
                "erased": erased,
                "content": body.content if visible and body and not erased else None,
                "salt": _b64(body.salt) if visible and body and not erased else None,
                "members_content": members,
            }
        )
    note_sealed_reads(request.user, project, shown, "log")
    last = rows[-1].seq + 1 if rows else start
    return {
        "size": size,
        "start": start,
        "end": last,
        "next_start": last if last < size else None,
        "entries": out,
    }


@router.get(
    "/projects/{slug}/log/proof/inclusion",
    auth=READ,
    response=InclusionOut,
    url_name="log-inclusion",
)
def inclusion(request: HttpRequest, slug: str, index: int, tree_size: int) -> Any:
    leaf_hash, proof = selectors.inclusion_proof(
        project=request.project,  # type: ignore[attr-defined]
        index=index,
        tree_size=tree_size,
    )
    return {
        "index": index,
        "tree_size": tree_size,
        "leaf_hash": _b64(leaf_hash),
        "hashes": [_b64(h) for h in proof],
    }


@router.get(
    "/projects/{slug}/log/proof/consistency",
    auth=READ,
    response=ConsistencyOut,
    url_name="log-consistency",
)
def consistency(request: HttpRequest, slug: str, first: int, second: int) -> Any:
    proof = selectors.consistency_proof(
        project=request.project,  # type: ignore[attr-defined]
        first=first,
        second=second,
    )
    return {"first": first, "second": second, "hashes": [_b64(h) for h in proof]}


@router.post(
    "/projects/{slug}/log/entries/{seq}/erase",
    auth=project_auth("view_record"),
    response=EraseOut,
    url_name="log-erase",
)
def erase(request: HttpRequest, slug: str, seq: int, data: EraseIn) -> Any:
    """Erase an entry's words, wherever they appear (its author only; an entry the software
    wrote, a lead). The leaf stays, so the log still verifies."""
    erasure = services.entry_erase(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        seq=seq,
        reason=data.reason,
    )
    return {"erased_seq": seq, "erasure_seq": erasure.seq}


@router.post(
    "/projects/{slug}/log/entries/{seq}/hide",
    auth=project_auth("view_record"),
    response=HideOut,
    url_name="log-hide",
)
def hide(request: HttpRequest, slug: str, seq: int, data: HideIn) -> Any:
    """Hide an entry from the public view, with a reason shown in its place (a lead). Members
    still read it; nothing is destroyed."""
    event = services.entry_hide(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        seq=seq,
        category=data.category,
        reason=data.reason,
    )
    return {"seq": seq, "event_seq": event.seq}


@router.post(
    "/projects/{slug}/log/entries/{seq}/show",
    auth=project_auth("view_record"),
    response=HideOut,
    url_name="log-show",
)
def show(request: HttpRequest, slug: str, seq: int) -> Any:
    """Show a hidden entry to the public again (a lead)."""
    event = services.entry_show(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        seq=seq,
    )
    return {"seq": seq, "event_seq": event.seq}
