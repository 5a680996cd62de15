"""Reads for publishing: the published record, comments, and a contributor's choices."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from workings.events import types
from workings.events.models import Entry
from workings.events.permissions import LOG_OWN_TYPES, active_hiding, mark_public_withholding
from workings.publishing.models import (
    Comment,
    CommentStatus,
    Consent,
    ConsentRequest,
    Moderator,
    RequestStatus,
)
from workings.publishing.withholding import needs_consent

PUBLIC_PAGE = 50
FEED_SIZE = 50
COMMENTS_PAGE = 100


def publishable_types() -> list[types.EventType]:
    """Every kind of entry the public could read, in code order."""
    return [
        t
        for t in types.all_types()
        if t.audience == types.Audience.PUBLIC and t.name not in LOG_OWN_TYPES
    ]


def public_entries(*, project: Any, before: int | None, limit: int = PUBLIC_PAGE) -> list[Entry]:
    """The newest entries of the kinds the public could read (members-only and sealed
    entries are on the Record page and counted in the annex), each marked with why the
    public may not read it ("" if it may). Keyset-paginated on seq."""
    entries = (
        Entry.objects.filter(
            log__project_id=project.pk,
            sealed=False,
            type__in=[t.name for t in publishable_types()],
        )
        .select_related("body")
        .prefetch_related("hidings")
    )
    if before is not None:
        entries = entries.filter(seq__lt=before)
    page = list(entries.order_by("-seq")[:limit])
    mark_public_withholding(project, page)
    return page


def comments_shown(*, project: Any) -> list[Comment]:
    """Published comments and the tombstones of hidden ones, oldest first (held comments
    are the moderators' until they decide)."""
    return list(
        Comment.objects.filter(
            target_kind="project",
            target_id=project.pk,
            status__in=(CommentStatus.PUBLISHED, CommentStatus.HIDDEN),
        ).order_by("created_at", "id")[:COMMENTS_PAGE]
    )


def comments_to_moderate(*, project: Any) -> list[Comment]:
    """Held comments and open appeals, oldest first."""
    from django.db.models import Q

    return list(
        Comment.objects.filter(project=project)
        .filter(Q(status=CommentStatus.HELD) | Q(appeal_status="open"))
        .order_by("created_at", "id")[:COMMENTS_PAGE]
    )


def comment_counts(*, project: Any) -> dict[str, int]:
    rows = Comment.objects.filter(project=project).values("status").annotate(n=Count("id"))
    return {r["status"]: r["n"] for r in rows}


def moderator_ids(*, project: Any) -> set[int]:
    return set(
        Moderator.objects.filter(project=project, active=True).values_list("user_id", flat=True)
    )


def consent_overview(*, project: Any, user: Any) -> dict[str, Any]:
    """The kinds of entry a contributor wrote (with their default), and their own entries
    (newest first, with any choice made for that entry alone)."""
    public = {t.name: t for t in publishable_types()}
    written = list(
        Entry.objects.filter(log__project_id=project.pk, actor=user, sealed=False)
        .order_by("-seq")
        .values_list("seq", "type", "recorded_at")[:200]
    )
    defaults: dict[str, bool] = {}
    per_entry: dict[int, bool] = {}
    for type_name, seq, publish in Consent.objects.filter(project=project, user=user).values_list(
        "type", "seq", "publish"
    ):
        if seq == Consent.DEFAULT:
            defaults[type_name] = publish
        else:
            per_entry[seq] = publish
    written = [(s, t, r) for s, t, r in written if needs_consent(t)]
    kinds = sorted({t for _s, t, _r in written if t in public}, key=lambda n: public[n].code)
    return {
        "kinds": [
            {"name": n, "summary": public[n].summary, "publish": defaults.get(n)} for n in kinds
        ],
        "entries": [
            {
                "seq": seq,
                "type": t,
                "summary": public[t].summary,
                "recorded_at": at,
                "own": per_entry.get(seq),
                "default": defaults.get(t),
            }
            for seq, t, at in written
            if t in public
        ],
    }


def type_summary(name: str) -> str:
    return _summary(name)


def _summary(name: str) -> str:
    try:
        return types.get(name).summary
    except ValueError:
        return name


def public_rows(entries: list[Any]) -> list[dict[str, Any]]:
    """What the public reads of each entry: its summary, or a tombstone saying why not."""
    rows = []
    for e in entries:
        hiding = active_hiding(e)
        body = getattr(e, "body", None)
        rows.append(
            {
                "entry": e,
                "summary": _summary(e.type),
                "erased": bool(body and body.is_erased),
                "hiding": hiding,
                "unpublished": e.public_withheld,
                "shown": types.audience_of(e.type, sealed=e.sealed) == types.Audience.PUBLIC
                and hiding is None
                and not e.public_withheld,
            }
        )
    return rows


# --- Consent on request ---------------------------------------------------------------

REQUESTS_PAGE = 50
_SCAN = 500


def requests_sent(*, project: Any) -> list[ConsentRequest]:
    """The team's requests about this project's entries, newest entry first."""
    return list(
        ConsentRequest.objects.filter(project=project)
        .select_related("author")
        .order_by("-seq")[:REQUESTS_PAGE]
    )


def requests_to(*, project: Any, user: Any) -> list[ConsentRequest]:
    """What the team asked this person about their entries here, open ones first."""
    return list(
        ConsentRequest.objects.filter(project=project, author=user).order_by("-status", "-seq")[
            :REQUESTS_PAGE
        ]
    )


def open_requests_for(*, user: Any, project_ids: list[int]) -> list[ConsentRequest]:
    return list(
        ConsentRequest.objects.filter(
            author=user, project_id__in=project_ids, status=RequestStatus.OPEN
        ).order_by("created_at", "id")[:REQUESTS_PAGE]
    )


def request_get_for(*, project: Any, pk: int) -> ConsentRequest | None:
    return ConsentRequest.objects.filter(project=project, pk=pk).select_related("project").first()


def entry_of(*, project: Any, seq: int) -> Entry | None:
    return Entry.objects.filter(log__project_id=project.pk, seq=seq, sealed=False).first()


def entries_to_ask_about(*, project: Any, before: int | None = None) -> list[dict[str, Any]]:
    """Entries written by contributors (current or former) that are not published for want
    of their consent, newest first, with whether the team has asked already. Scans the
    record in slices on seq (a query each), so a page costs what it finds, not the record."""
    from workings.projects.models import Membership
    from workings.projects.roles import Role
    from workings.publishing.withholding import public_check, withheld_types

    kept_off = withheld_types(project)
    kinds = [
        t.name for t in publishable_types() if needs_consent(t.name) and t.name not in kept_off
    ]
    authors = set(
        Membership.objects.filter(project_id=project.pk, role=Role.CONTRIBUTOR).values_list(
            "user_id", flat=True
        )
    )
    reason = public_check(project)
    asked = dict(ConsentRequest.objects.filter(project=project).values_list("seq", "status"))
    found: list[dict[str, Any]] = []
    entries = Entry.objects.filter(
        log__project_id=project.pk, sealed=False, type__in=kinds, actor_id__in=authors
    ).order_by("-seq")
    while len(found) < REQUESTS_PAGE:
        page = entries if before is None else entries.filter(seq__lt=before)
        batch = list(page.values_list("seq", "type", "actor_id", "recorded_at")[:_SCAN])
        for seq, type_name, actor_id, at in batch:
            why = reason(seq, type_name, actor_id)
            if why and len(found) < REQUESTS_PAGE:
                found.append(
                    {
                        "seq": seq,
                        "summary": _summary(type_name),
                        "recorded_at": at,
                        "why": why,
                        "asked": asked.get(seq),
                    }
                )
        if len(batch) < _SCAN:
            break
        before = batch[-1][0]
    return found
