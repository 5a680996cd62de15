"""Reads of concerns, filtered by the concern policy. Other apps rely on the functions at
the top (closed_concern_counts, concerns_for_audience): keep their signatures stable."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from workings.concerns.models import SEALED_MODES, Concern, Mode, Reply, Status
from workings.concerns.permissions import concern_policy
from workings.concerns.procedure import SITE
from workings.projects.models import Membership, Project
from workings.projects.permissions import project_policy


def closed_concern_counts(project: Any) -> list[dict[str, Any]]:
    """One row per closed concern, for the public record and reports: never its raiser,
    subject or text."""
    rows = Concern.objects.filter(project=project, status=Status.CLOSED).order_by("closed_on", "id")
    return [
        {
            "mode": c.mode,
            "outcome": c.outcome,
            "stages_reached": c.highest_stage_reached + 1,
            "days_open": (c.closed_on - c.raised_on).days,
        }
        for c in rows.only("mode", "outcome", "highest_stage_reached", "closed_on", "raised_on")
    ]


def concerns_for_audience(project: Any, audience: str) -> list[dict[str, Any]]:
    """What each audience may know about a project's concerns.

    public: closed concerns only, counted with their outcome (closed_concern_counts rows).
    funder: every concern, with who raised it unless it is anonymous.
    team: open concerns with their raiser; sealed ones only once the team was involved, as
    the approved summary, never with the raiser."""
    if audience == "public":
        return closed_concern_counts(project)
    if audience not in ("funder", "team"):
        raise ValueError(f"Unknown audience {audience!r}")
    qs = Concern.objects.filter(project=project).select_related("raised_by")
    if audience == "team":
        qs = qs.filter(Q(mode=Mode.OPEN) | Q(mode__in=SEALED_MODES, team_involved=True))
    rows = []
    for c in qs.order_by("raised_on", "id"):
        full = audience == "funder" or c.mode == Mode.OPEN
        rows.append(
            {
                "id": c.pk,
                "mode": c.mode,
                "subject": c.subject if full else None,
                "summary": c.summary_text if c.team_involved else None,
                "raised_by": c.raised_by_id if full and c.mode != Mode.ANONYMOUS else None,
                "status": c.status,
                "outcome": c.outcome,
                "stage": c.stages[c.stage_index]["name"],
                "raised_on": c.raised_on,
                "closed_on": c.closed_on,
            }
        )
    return rows


def concern_list_for(*, user: Any, project: Any) -> QuerySet[Concern]:
    return (
        concern_policy.concerns_for(user, project)
        .select_related("project", "raised_by")
        .order_by("-raised_on", "-id")
    )


def replies_for(*, user: Any, concern: Concern, as_raiser: bool = False) -> list[Reply]:
    replies = concern.replies.select_related("author").order_by("id")
    if as_raiser or concern_policy.can_view_full(user, concern):
        return list(replies)
    return list(replies.filter(audience=Reply.Audience.ALL))


def raiser_labels(concerns: list[Concern]) -> dict[int, str]:
    """Display names of raisers, by concern id, in one query (only for concerns with one)."""
    pairs = {(c.project_id, c.raised_by_id) for c in concerns if c.raised_by_id}
    if not pairs:
        return {}
    q = Q(pk__in=[])
    for project_id, user_id in pairs:
        q |= Q(project_id=project_id, user_id=user_id)
    members = {
        (m.project_id, m.user_id): m.label
        for m in Membership.objects.filter(q).select_related("user")
    }
    return {
        c.pk: members.get((c.project_id, c.raised_by_id), "A former member")
        for c in concerns
        if c.raised_by_id
    }


def inbox_for(*, user: Any) -> QuerySet[Concern]:
    """Concerns escalated to this funder reviewer (or routed to the site's reviewers),
    oldest first."""
    funder_projects = project_policy.projects_for(user, "review").values("pk")
    mine = (
        Q(project_id__in=funder_projects)
        & (Q(handler_role__in=("funder", "independent")) | Q(mode__in=SEALED_MODES))
        & ~Q(route=SITE)
    )
    if concern_policy.is_site_reviewer(user):
        mine |= Q(route=SITE)
    return (
        Concern.objects.filter(mine)
        .exclude(status=Status.CLOSED)
        .select_related("project", "raised_by")
        .order_by("raised_on", "id")
    )


@dataclass(frozen=True)
class InboxRow:
    concern: Concern
    overdue: bool
    days_late: int


def inbox_by_urgency(*, user: Any, today: dt.date, project_slug: str = "") -> list[InboxRow]:
    """The inbox, most urgent first: waiting past the stage's response date (longest late
    first), then waiting (soonest due first), then answered at this stage. One query."""
    concerns = inbox_for(user=user)
    if project_slug:
        concerns = concerns.filter(project__slug=project_slug)
    rows = []
    for c in concerns:
        waiting = c.status == Status.AWAITING
        late = (today - c.stage_due_on).days if waiting else 0
        rows.append(InboxRow(c, waiting and late > 0, max(late, 0)))
    rows.sort(
        key=lambda r: (
            not r.overdue,
            r.concern.status != Status.AWAITING,
            r.concern.stage_due_on,
            r.concern.raised_on,
            r.concern.pk,
        )
    )
    return rows


def anonymous_key(project: Project) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"anonymous-concerns:{project.pk}".encode(), hashlib.sha256
    ).hexdigest()[:32]


def project_for_anonymous_key(*, slug: str, key: str) -> Project | None:
    project = Project.objects.filter(slug=slug).first()
    if project is None or not hmac.compare_digest(anonymous_key(project), key):
        return None
    return project
