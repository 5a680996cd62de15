"""The project permission policy: the one place that decides what a role may do.

Two kinds of answer (Wagtail-style): `can(user, action, project)` for one project, and
`projects_for(user, action)` for lists, so list and detail pages cannot disagree. The
accessor `project_get_for` fetches and checks together, giving the same "not found" for a
missing project and one the person may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, NotFound
from workings.projects.models import Membership, Project
from workings.projects.roles import Role

MEMBER_ACTIONS = frozenset(
    # Any member may raise a concern (the concerns policy decides everything after that).
    # Leaving reasons are private to the project's current members (never public).
    {
        "view",
        "view_record",
        "view_members",
        "view_leaving_reasons",
        "view_concerns",
        "update_own_membership",
        "leave",
        "raise_concern",
    }
)
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.LEAD: MEMBER_ACTIONS
    | {"update", "invite", "manage_members", "erase_entries", "hide_entries"}
    | {"write_entries", "respond"},
    Role.RESEARCHER: MEMBER_ACTIONS | {"write_entries", "respond"},
    Role.CONTRIBUTOR: MEMBER_ACTIONS
    | {"write_entries", "write_own_account", "sign", "raise_concern"},
    # A funder reviewer is appointed by the funder organisation, not a member: they read,
    # review and witness; they do not raise concerns, leave, or change a membership.
    Role.FUNDER: frozenset(
        {"view", "view_record", "view_members", "view_concerns", "witness", "review"}
    ),
    Role.OBSERVER: MEMBER_ACTIONS,
}
# What anyone, signed in or not, may do with a published project.
PUBLIC_ACTIONS = frozenset({"view", "view_record"})
# Anyone signed in may start a project (and becomes its lead).
CREATE_ACTION = "create"
# Roles a project's members may give (invite with, or change to). Never Role.FUNDER.
MEMBER_ROLES = (Role.LEAD, Role.RESEARCHER, Role.CONTRIBUTOR, Role.OBSERVER)


@dataclass(frozen=True)
class Reviewer:
    """Someone who acts as a project's funder reviewer, and how to name them to a raiser."""

    user_id: int
    label: str
    independent: bool = False


class ReviewerSource(Protocol):
    """Who reviews a project. The funders app provides it at start-up (it sits above
    projects, so projects never import it): see docs/decisions/funder-organisations.md."""

    def reviewers(self, project: Project) -> list[Reviewer]: ...

    def reviewed_project_ids(self, user: Any) -> set[int]: ...


_reviewer_sources: list[ReviewerSource] = []


def register_reviewer_source(source: ReviewerSource) -> None:
    if source not in _reviewer_sources:
        _reviewer_sources.append(source)


class ProjectPolicy:
    def role_of(self, user: Any, project: Project) -> str | None:
        """The person's current role in the project, or None. Cached on the user object.

        A current member has their membership's role. Someone who is not a member is the
        project's funder reviewer (Role.FUNDER) while appointed by its confirmed funder
        organisation; nobody becomes one through a membership."""
        if user is None or not user.is_authenticated:
            return None
        cache: dict[int, str | None] = user.__dict__.setdefault("_workings_roles", {})
        if project.pk not in cache:
            role = (
                Membership.objects.filter(project=project, user=user, left_at__isnull=True)
                .values_list("role", flat=True)
                .first()
            )
            if role == Role.FUNDER:
                # A funder membership from before organisations (or written behind the
                # software's back) grants no reviewer powers: it reads like an observer.
                role = Role.OBSERVER
            if role is None and project.pk in self.reviewed_project_ids(user):
                role = Role.FUNDER
            cache[project.pk] = role
        return cache[project.pk]

    def reviewed_project_ids(self, user: Any) -> set[int]:
        """Projects whose confirmed funder organisation currently appoints this person as a
        reviewer (including projects they are also a member of). Cached on the user."""
        if user is None or not user.is_authenticated:
            return set()
        if "_workings_reviewed" not in user.__dict__:
            ids: set[int] = set()
            for source in _reviewer_sources:
                ids |= source.reviewed_project_ids(user)
            user.__dict__["_workings_reviewed"] = ids
        return set(user.__dict__["_workings_reviewed"])

    def reviewers(self, project: Project) -> list[Reviewer]:
        """The project's funder reviewers now: appointed by its confirmed organisation and
        not members of the project themselves (a member acts only as that member)."""
        members = set(
            Membership.objects.filter(project=project, left_at__isnull=True).values_list(
                "user_id", flat=True
            )
        )
        found: dict[int, Reviewer] = {}
        for source in _reviewer_sources:
            for reviewer in source.reviewers(project):
                if reviewer.user_id not in members:
                    found.setdefault(reviewer.user_id, reviewer)
        return list(found.values())

    def reviewer_ids(self, project: Project) -> set[int]:
        return {r.user_id for r in self.reviewers(project)}

    def can_give_role(self, role: str) -> bool:
        """Whether a project member may invite someone with, or change someone to, a role."""
        return role in MEMBER_ROLES

    def is_member(self, user: Any, project: Project) -> bool:
        return self.role_of(user, project) is not None

    def can(self, user: Any, action: str, project: Project) -> bool:
        role = self.role_of(user, project)
        if role is not None and action in ROLE_ACTIONS[role]:
            return True
        return project.is_published and action in PUBLIC_ACTIONS

    def can_create(self, user: Any) -> bool:
        return bool(user is not None and user.is_authenticated)

    def roles_with(self, action: str) -> list[str]:
        return [role for role, actions in ROLE_ACTIONS.items() if action in actions]

    def _membership_roles_with(self, action: str) -> list[str]:
        # A (legacy) funder membership counts as an observer's, as in role_of.
        roles = [r for r in self.roles_with(action) if r != Role.FUNDER]
        return [*roles, Role.FUNDER] if Role.OBSERVER in roles else roles

    def projects_for(self, user: Any, action: str) -> QuerySet[Project]:
        allowed = Q(pk__in=[])
        if user is not None and user.is_authenticated:
            allowed |= Q(
                memberships__user=user,
                memberships__left_at__isnull=True,
                memberships__role__in=self._membership_roles_with(action),
            )
            if action in ROLE_ACTIONS[Role.FUNDER]:
                reviewed = self.reviewed_project_ids(user)
                if reviewed:
                    allowed |= Q(pk__in=reviewed) & ~Q(
                        pk__in=Membership.objects.filter(user=user, left_at__isnull=True).values(
                            "project_id"
                        )
                    )
        if action in PUBLIC_ACTIONS:
            allowed |= Q(is_published=True)
        return Project.objects.filter(allowed).distinct()

    def own_projects(self, user: Any) -> list[Project]:
        """The projects this person is a current member of or reviews, with their role in
        each cached on the user (three queries, so pages across all their projects need no
        query per project to ask `can`)."""
        roles = self.own_roles(user)
        return list(Project.objects.filter(pk__in=list(roles)).order_by("title", "pk"))

    def own_roles(self, user: Any) -> dict[int, str]:
        """{project id: role} for the projects this person is a current member of or
        reviews (two queries), cached on the user for `can`."""
        if user is None or not user.is_authenticated:
            return {}
        reviewed = self.reviewed_project_ids(user)
        memberships = Membership.objects.filter(user=user, left_at__isnull=True).values_list(
            "project_id", "role"
        )
        roles: dict[int, str] = {}
        for project_id, role in memberships:
            roles[project_id] = Role.OBSERVER if role == Role.FUNDER else role
        for project_id in reviewed - set(roles):
            roles[project_id] = Role.FUNDER
        cache: dict[int, str | None] = user.__dict__.setdefault("_workings_roles", {})
        cache.update(roles)
        return roles

    def forget(self, user: Any) -> None:
        """Drop cached roles after a membership or appointment change within one request."""
        if user is not None:
            user.__dict__.pop("_workings_roles", None)
            user.__dict__.pop("_workings_reviewed", None)


project_policy = ProjectPolicy()


def project_get_for(user: Any, slug: str, action: str) -> Project:
    project = Project.objects.filter(slug=slug).first()
    if project is None or not project_policy.can(user, "view", project):
        raise NotFound(_("We could not find that project."))
    if not project_policy.can(user, action, project):
        raise NotAllowed(_("Your role in this project does not allow that."))
    return project


class MembershipPolicy:
    def can_change_role(self, user: Any, membership: Membership) -> bool:
        return project_policy.can(user, "manage_members", membership.project)

    def can_remove(self, user: Any, membership: Membership) -> bool:
        return project_policy.can(user, "manage_members", membership.project)

    def can_update(self, user: Any, membership: Membership) -> bool:
        return bool(
            user.is_authenticated and membership.user_id == user.pk and membership.is_active
        )


membership_policy = MembershipPolicy()


class InvitationPolicy:
    def can_answer(self, user: Any) -> bool:
        # Whether the address matches is a rule checked by the service, with its own message.
        return bool(user is not None and user.is_authenticated)


invitation_policy = InvitationPolicy()
