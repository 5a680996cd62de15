"""Reads for the working record. The timeline uses keyset pagination on (occurred_on, id),
never OFFSET, and a fixed number of queries whatever the size of the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from workings.core import clock
from workings.core.vocab import InfluenceLevel, ResearchArea
from workings.projects.models import Membership, Project
from workings.record.models import (
    Attachment,
    DecisionView,
    Item,
    ItemPerson,
    Kind,
    Position,
    PositionVersion,
)
from workings.record.permissions import record_policy

PAGE_SIZE = 25
LEFT = "left"  # the timeline's pseudo-kind for members who left (read from Membership)
STATUSES = {"open": "Open", "overdue": "Overdue"}


@dataclass(frozen=True)
class Cursor:
    occurred_on: dt.date
    id: int

    def token(self) -> str:
        return f"{self.occurred_on.isoformat()}_{self.id}"

    @classmethod
    def parse(cls, raw: str | None) -> Cursor | None:
        if not raw:
            return None
        try:
            day, pk = raw.split("_", 1)
            return cls(dt.date.fromisoformat(day), int(pk))
        except ValueError:
            return None


@dataclass(frozen=True)
class TimelineFilter:
    kind: str = ""
    area: str = ""
    person: int | None = None  # a Membership id
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str = ""  # "", "open" or "overdue"
    q: str = ""

    def wants_leavers(self) -> bool:
        return self.kind in ("", LEFT) and not self.area and not self.status

    def wants_items(self) -> bool:
        return self.kind != LEFT


@dataclass
class Leaving:
    """A member who left, shown in the timeline (their entries stay). ``reason`` is their
    leaving reason for readers who may see it (the project's members), else empty."""

    membership: Membership
    kind: str = LEFT
    reason: str = ""

    @property
    def occurred_on(self) -> dt.date:
        return self.membership.left_at.date()  # type: ignore[union-attr]


@dataclass
class TimelinePage:
    rows: list[Any]
    next_cursor: Cursor | None
    today: dt.date = field(default_factory=clock.today)


def timeline_items(*, project: Project, filters: TimelineFilter) -> QuerySet[Item]:
    items = (
        Item.objects.filter(project=project)
        # Only what a timeline row shows: the author's name and the badges' details.
        .select_related("author_membership__user", "feedback", "decision", "disagreement")
        .annotate(is_corrected=Exists(Item.objects.filter(corrects=OuterRef("pk"))))
        .order_by("-occurred_on", "-id")
    )
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.area:
        items = items.filter(area=filters.area)
    if filters.person:
        items = items.filter(
            Exists(ItemPerson.objects.filter(item=OuterRef("pk"), membership_id=filters.person))
        )
    if filters.date_from:
        items = items.filter(occurred_on__gte=filters.date_from)
    if filters.date_to:
        items = items.filter(occurred_on__lte=filters.date_to)
    if filters.status == "open":
        items = items.filter(is_open=True)
    elif filters.status == "overdue":
        items = items.filter(is_open=True, due_on__lt=clock.today())
    if filters.q:
        items = items.filter(Q(title__icontains=filters.q) | Q(body__icontains=filters.q))
    return items


def _leavers(
    *,
    project: Project,
    filters: TimelineFilter,
    after: dt.date | None,
    upto: dt.date | None,
    reasons: bool,
) -> list[Leaving]:
    members = Membership.objects.filter(project=project, left_at__isnull=False).select_related(
        "user"
    )
    if filters.person:
        members = members.filter(pk=filters.person)
    if filters.q:
        # Searching must not reveal a reason the reader may not see: members search every
        # reason, others only the reasons their authors chose to publish.
        if not reasons:
            members = members.filter(left_reason_public=True)
        members = members.filter(left_reason__icontains=filters.q)
    since = filters.date_from - dt.timedelta(days=1) if filters.date_from else None
    lowers = [d for d in (after, since) if d]
    if lowers:
        members = members.filter(left_at__date__gt=max(lowers))
    uppers = [d for d in (upto, filters.date_to) if d]
    if uppers:
        members = members.filter(left_at__date__lte=min(uppers))
    return [
        Leaving(m, reason=m.left_reason if reasons else m.public_left_reason)
        for m in members.order_by("-left_at", "-id")
    ]


def timeline_page(
    *,
    project: Project,
    filters: TimelineFilter,
    cursor: Cursor | None,
    limit: int = PAGE_SIZE,
    reasons: bool = False,
) -> TimelinePage:
    """One page, newest first. Queries: the items (one, with joins), and the members who
    left within the page's date window (one), whatever the size of the record. Leaving
    reasons are private to the project's members: pass ``reasons`` as the policy says
    (``record_policy.can_view_leaving_reasons``)."""
    rows: list[Any] = []
    next_cursor = None
    items: list[Item] = []
    if filters.wants_items():
        qs = timeline_items(project=project, filters=filters)
        if cursor is not None:
            qs = qs.filter(
                Q(occurred_on__lt=cursor.occurred_on)
                | Q(occurred_on=cursor.occurred_on, id__lt=cursor.id)
            )
        items = list(qs[: limit + 1])
        if len(items) > limit:
            items = items[:limit]
            next_cursor = Cursor(items[-1].occurred_on, items[-1].id)
    rows.extend(items)
    if filters.wants_leavers():
        # Leavers on a page: dated after the page's last item (when more pages follow) and
        # on or before the cursor's date, so each appears on exactly one page.
        after = next_cursor.occurred_on if next_cursor else None
        upto = cursor.occurred_on if cursor else None
        if cursor is not None and not filters.wants_items():
            upto = None
        rows.extend(
            _leavers(project=project, filters=filters, after=after, upto=upto, reasons=reasons)
        )
        rows.sort(key=lambda r: (r.occurred_on, getattr(r, "id", 0)), reverse=True)
    return TimelinePage(rows=rows, next_cursor=next_cursor)


def timeline_all(
    *, project: Project, filters: TimelineFilter, batch: int = 500, reasons: bool = False
) -> Iterator[Any]:
    """Every row of the filtered view, for exports: keyset batches, never OFFSET."""
    cursor = None
    while True:
        page = timeline_page(
            project=project, filters=filters, cursor=cursor, limit=batch, reasons=reasons
        )
        yield from page.rows
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def item_detail(*, item: Item) -> dict[str, Any]:
    """Everything shown beside an entry: corrections, own accounts about it, and its details."""
    related = Item.objects.select_related("author_membership__user").order_by("created_at", "id")
    data: dict[str, Any] = {
        "corrections": list(related.filter(corrects=item)),
        "accounts": list(
            related.filter(about=item, kind=Kind.ACCOUNT).prefetch_related("account_versions")
        ),
        "attachments": list(Attachment.objects.filter(item=item)),
        "versions": list(item.account_versions.all()) if item.kind == Kind.ACCOUNT else [],
    }
    if item.kind == Kind.MEETING:
        data["participants"] = list(item.meeting.participants.select_related("user"))
        data["feedback_about"] = list(related.filter(about=item, kind=Kind.FEEDBACK))
    if item.kind == Kind.DECISION:
        data["views"] = list(
            DecisionView.objects.filter(decision=item.decision).select_related("membership__user")
        )
    if item.kind == Kind.DISAGREEMENT:
        data["positions"] = list(
            Position.objects.filter(disagreement=item.disagreement)
            .select_related("author_membership__user")
            .prefetch_related(
                Prefetch("versions", queryset=PositionVersion.objects.order_by("-number"))
            )
        )
    return data


def needs_you(*, user: Any, project: Project, limit: int = 10) -> dict[str, list[Item]]:
    """What is waiting for this person: overdue feedback (for those who answer it, and for
    the contributor who gave it) and answers waiting for the contributor's verdict."""
    today = clock.today()
    base = Item.objects.filter(project=project, kind=Kind.FEEDBACK).select_related(
        "feedback", "author_membership__user"
    )
    result: dict[str, list[Item]] = {"to_answer": [], "overdue_mine": [], "to_judge": []}
    if not user.is_authenticated:
        return result
    if record_policy.can(user, "respond", project):
        result["to_answer"] = list(base.filter(is_open=True).order_by("due_on", "id")[:limit])
    if record_policy.speaks_for_contributors(user, project):
        # One query for both lists: the person's overdue feedback and answers to judge.
        mine = base.filter(author=user).filter(
            Q(is_open=True, due_on__lt=today)
            | Q(feedback__answered_at__isnull=False, feedback__satisfaction_at__isnull=True)
            & ~Q(feedback__outcome="not_yet_decided")
        )
        for item in mine.order_by("due_on", "id")[: 2 * limit]:
            key = "overdue_mine" if item.is_open else "to_judge"
            if len(result[key]) < limit:
                result[key].append(item)
    return result


def decision_matrix(*, project: Project) -> list[dict[str, Any]]:
    """Rows per research area: the level promised, and the decisions recorded at each level."""
    from workings.record.services.decisions import promised_levels

    promised = promised_levels(project)
    decisions = (
        Item.objects.filter(project=project, kind=Kind.DECISION)
        .select_related("decision")
        .order_by("occurred_on", "id")
    )
    by_area: dict[str, list[Item]] = {}
    for item in decisions:
        by_area.setdefault(item.area, []).append(item)
    rows = []
    for area_value, area_label in ResearchArea.choices:
        found = by_area.get(area_value, [])
        rows.append(
            {
                "area": area_value,
                "label": area_label,
                "promised": promised.get(area_value, ""),
                "cells": [
                    {
                        "level": level,
                        "label": level_label,
                        "promised": promised.get(area_value) == level,
                        "decisions": [d for d in found if d.decision.influence == level],
                    }
                    for level, level_label in InfluenceLevel.choices
                ],
                "shortfalls": sum(1 for d in found if d.decision.is_shortfall),
                "count": len(found),
            }
        )
    return rows
