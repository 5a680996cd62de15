from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from workings.projects.models import Invitation, Membership, Project
from workings.projects.permissions import project_policy


def project_list_for(*, user: Any) -> QuerySet[Project]:
    return project_policy.projects_for(user, "view").order_by("title", "id")


def projects_left_by(*, user: Any) -> list[Membership]:
    """The person's memberships of projects they have left (and not rejoined), newest
    first: the list page shows what they can still see and do there."""
    current = Membership.objects.filter(user=user, left_at__isnull=True).values("project_id")
    left = (
        Membership.objects.filter(user=user, left_at__isnull=False)
        .exclude(project_id__in=current)
        .select_related("project")
        .order_by("-left_at")
    )
    seen: dict[int, Membership] = {}
    for m in left:
        seen.setdefault(m.project_id, m)
    return list(seen.values())


def project_list_published() -> QuerySet[Project]:
    return Project.objects.filter(is_published=True).order_by("title", "id")


def member_list(*, project: Project, include_left: bool = True) -> QuerySet[Membership]:
    members = Membership.objects.filter(project=project).select_related("user", "removed_by")
    if not include_left:
        members = members.filter(left_at__isnull=True)
    return members.order_by("left_at", "role", "joined_at", "id")


def invitation_list(*, project: Project) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(project=project)
        .select_related("invited_by")
        .order_by("-created_at", "-id")
    )


def membership_of(*, user: Any, project: Project) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(project=project, user=user, left_at__isnull=True).first()


def pending_invitations_for(*, user: Any) -> list[Invitation]:
    if not user.is_authenticated:
        return []
    pending = Invitation.objects.filter(status=Invitation.Status.PENDING).select_related("project")
    email = user.email.casefold()
    return [i for i in pending.filter(email__iexact=user.email) if i.email.casefold() == email]


def credited_names(*, project: Project) -> dict[int, str]:
    """user id -> how this project names them, honouring their credit choice (their
    per-project display name or pseudonym, or "a member who chose to stay anonymous"),
    former members included. Never the account's own name unless they chose to be credited
    by it. One query."""
    rows = Membership.objects.filter(project=project).select_related("user")
    return {m.user_id: m.label for m in rows}
