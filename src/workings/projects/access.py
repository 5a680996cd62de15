"""The projects app's answers to the port the lower layers ask (core/project_access.py)."""

from __future__ import annotations

from typing import Any

from workings.projects.models import Project
from workings.projects.permissions import project_get_for, project_policy
from workings.projects.roles import Role
from workings.projects.selectors import credited_names


class ProjectPolicyAccess:
    def get_for(self, user: Any, slug: str, action: str) -> Project:
        return project_get_for(user, slug, action)

    def can(self, user: Any, action: str, project: Project) -> bool:
        return project_policy.can(user, action, project)

    def role_of(self, user: Any, project: Project) -> str | None:
        return project_policy.role_of(user, project)

    def is_member(self, user: Any, project: Project) -> bool:
        return project_policy.is_member(user, project)

    def is_funder_reviewer(self, user: Any, project: Project) -> bool:
        return project_policy.role_of(user, project) == Role.FUNDER

    def credited_names(self, project: Project) -> dict[int, str]:
        return credited_names(project=project)
