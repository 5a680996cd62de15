"""Who may do what with a project's agreement. Builds on the project policy; the only rules
added here are about agreement objects (drafting roles, parties)."""

from __future__ import annotations

from typing import Any

from workings.agreements import selectors
from workings.agreements.models import AgreementVersion, VersionStatus
from workings.projects.permissions import project_policy
from workings.projects.roles import Role

# The issue: "any lead or contributor can edit the draft ... a lead or a contributor proposes".
DRAFTING_ROLES = frozenset({Role.LEAD, Role.CONTRIBUTOR})
SIGNABLE = (VersionStatus.PROPOSED, VersionStatus.IN_FORCE)


class AgreementPolicy:
    def can_draft(self, user: Any, project: Any) -> bool:
        return project_policy.role_of(user, project) in DRAFTING_ROLES

    def can_comment(self, user: Any, project: Any) -> bool:
        return project_policy.is_member(user, project)

    def is_party(self, user: Any, version: AgreementVersion) -> bool:
        if user is None or not user.is_authenticated:
            return False
        return any(m.user_id == user.pk for m in selectors.parties_for(version))

    def is_party_now(self, user: Any, version: AgreementVersion) -> bool:
        """is_party from the person's role alone (no query once their roles are known):
        current leads and contributors, and current members the version names."""
        role = project_policy.role_of(user, version.project)
        if role is None or role == Role.FUNDER:
            return False
        named = {int(i) for i in (version.content.get("named_parties") or [])}
        return role in DRAFTING_ROLES or user.pk in named

    def can_sign(self, user: Any, version: AgreementVersion) -> bool:
        return version.status in SIGNABLE and any(
            m.user_id == getattr(user, "pk", None) for m in selectors.waiting_for(version)
        )


agreement_policy = AgreementPolicy()
