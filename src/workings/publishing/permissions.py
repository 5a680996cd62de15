"""The publishing policy: who chooses what is public, who consents, who moderates.

Separation of powers (DESIGN.md): the lead chooses which kinds of entry the project
publishes, but never publishes a contributor's words for them: only the contributor gives
or withdraws consent for their own entries. The lead names moderators (contributors can
be); an appeal against a hidden comment is decided by a moderator other than the one who
hid it. Anyone may read a published project's public page and comment on it.
"""

from __future__ import annotations

from typing import Any

from workings.core.exceptions import NotAllowed
from workings.projects.permissions import project_policy
from workings.projects.roles import Role
from workings.publishing.models import Comment, CommentStatus, Moderator


def _role(user: Any, project: Any) -> str | None:
    return project_policy.role_of(user, project)


class PublishingPolicy:
    def can_view_public_page(self, user: Any, project: Any) -> bool:
        """A published project's public page: anyone. Before it is published, its members
        may preview what the public would see."""
        if project.is_published:
            return True
        return _role(user, project) is not None

    def can_choose_types(self, user: Any, project: Any) -> bool:
        return _role(user, project) == Role.LEAD

    def can_consent(self, user: Any, project: Any) -> bool:
        """A contributor's own consent, for their own entries (nobody else's)."""
        return _role(user, project) == Role.CONTRIBUTOR

    def can_view_settings(self, user: Any, project: Any) -> bool:
        return _role(user, project) in (Role.LEAD, Role.CONTRIBUTOR) or self.can_moderate(
            user, project
        )

    def can_comment(self, project: Any) -> bool:
        return bool(project.is_published)

    def is_moderator(self, user: Any, project: Any) -> bool:
        if user is None or not user.is_authenticated:
            return False
        return Moderator.objects.filter(project=project, user=user, active=True).exists()

    def can_moderate(self, user: Any, project: Any) -> bool:
        """The lead, and the members the lead named (while they are still members)."""
        role = _role(user, project)
        if role == Role.LEAD:
            return True
        return role in (Role.RESEARCHER, Role.CONTRIBUTOR, Role.OBSERVER) and self.is_moderator(
            user, project
        )

    def can_name_moderators(self, user: Any, project: Any) -> bool:
        return _role(user, project) == Role.LEAD

    def can_decide_appeal(self, user: Any, comment: Comment) -> bool:
        """Another moderator than the one who hid it: nobody judges their own decision."""
        if comment.project is None or not self.can_moderate(user, comment.project):
            return False
        return comment.status == CommentStatus.HIDDEN and comment.moderated_by_id != user.pk


publishing_policy = PublishingPolicy()


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)
