"""The project permission policy: the one place that decides what a role may do.

Two kinds of answer (Wagtail-style): `can(user, action, project)` for one project, and
`projects_for(user, action)` for lists, so list and detail pages cannot disagree. The
accessor `project_get_for` fetches and checks together, giving the same "not found" for a
missing project and one the person may not see.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

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
    Role.FUNDER: MEMBER_ACTIONS | {"witness", "review"},
    Role.OBSERVER: MEMBER_ACTIONS,
}
# What anyone, signed in or not, may do with a published project.
PUBLIC_ACTIONS = frozenset({"view", "view_record"})
# Anyone signed in may start a project (and becomes its lead).
CREATE_ACTION = "create"


class ProjectPolicy:
    def role_of(self, user: Any, project: Project) -> str | None:
        """The person's current role in the project, or None. Cached on the user object."""
        if user is None or not user.is_authenticated:
            return None
        cache: dict[int, str | None] = user.__dict__.setdefault("_workings_roles", {})
        if project.pk not in cache:
            cache[project.pk] = (
                Membership.objects.filter(project=project, user=user, left_at__isnull=True)
                .values_list("role", flat=True)
                .first()
            )
        return cache[project.pk]

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

    def projects_for(self, user: Any, action: str) -> QuerySet[Project]:
        allowed = Q(pk__in=[])
        if user is not None and user.is_authenticated:
            allowed |= Q(
                memberships__user=user,
                memberships__left_at__isnull=True,
                memberships__role__in=self.roles_with(action),
            )
        if action in PUBLIC_ACTIONS:
            allowed |= Q(is_published=True)
        return Project.objects.filter(allowed).distinct()

    def forget(self, user: Any) -> None:
        """Drop cached roles after a membership change within one request."""
        if user is not None:
            user.__dict__.pop("_workings_roles", None)


project_policy = ProjectPolicy()


def project_get_for(user: Any, slug: str, action: str) -> Project:
    project = Project.objects.filter(slug=slug).first()
    if project is None or not project_policy.can(user, "view", project):
        raise NotFound("We could not find that project.")
    if not project_policy.can(user, action, project):
        raise NotAllowed("Your role in this project does not allow that.")
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
