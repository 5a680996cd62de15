"""The publishing policy: who chooses what is public, who consents, who moderates.

Separation of powers (DESIGN.md): the lead chooses which kinds of entry the project
publishes, but never publishes a contributor's words for them: only the contributor gives
or withdraws consent for their own entries. The lead names moderators (contributors can
be); an appeal against a hidden comment is decided by a moderator other than the one who
hid it. Anyone may read a published project's public page and comment on it.

Whoever chooses what is public (the lead) may ask a contributor about one entry; only its
author answers. Consent outlives membership: a contributor who left still sees and changes
the consent for their own entries (and answers requests about them), and nothing else of
the project opens to them through it (docs/decisions/consent-requests-and-leavers.md).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, NotFound
from workings.projects.models import Membership, Project
from workings.projects.permissions import project_policy
from workings.projects.roles import Role
from workings.publishing.models import Comment, CommentStatus, ConsentRequest, Moderator


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
        """A contributor's own consent, for their own entries (nobody else's): a current
        contributor, or someone who was one."""
        if _role(user, project) == Role.CONTRIBUTOR:
            return True
        if user is None or not user.is_authenticated:
            return False
        # Also someone who rejoined in another role: their entries as a contributor still
        # wait for their word (withholding.py asks every contributor membership, past too).
        return self.was_contributor(user, project)

    def was_contributor(self, user: Any, project: Any) -> bool:
        """A former contributor: their contributor membership ended (left or removed).
        Cached on the user like the project policy's roles."""
        cache: dict[int, bool] = user.__dict__.setdefault("_workings_was_contributor", {})
        if project.pk not in cache:
            cache[project.pk] = Membership.objects.filter(
                project_id=project.pk, user=user, role=Role.CONTRIBUTOR, left_at__isnull=False
            ).exists()
        return cache[project.pk]

    def can_request_consent(self, user: Any, project: Any) -> bool:
        """Whoever chooses what the project publishes may ask an author about one entry."""
        return self.can_choose_types(user, project)

    def can_answer_request(self, user: Any, request: ConsentRequest) -> bool:
        """Only the entry's author, while they may consent in the project."""
        if user is None or not user.is_authenticated or request.author_id != user.pk:
            return False
        return self.can_consent(user, request.project)

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


def consent_project_for(user: Any, slug: str) -> Any:
    """The project behind a consent address. A former contributor may open it (for their
    own consent only) even when they could no longer see the project; everyone else gets
    exactly what the project policy gives them for reading the record."""
    project = Project.objects.filter(slug=slug).first()
    if project is None or not (
        publishing_policy.can_consent(user, project) or project_policy.can(user, "view", project)
    ):
        raise NotFound(_("We could not find that project."))
    if not (
        publishing_policy.can_consent(user, project)
        or project_policy.can(user, "view_record", project)
    ):
        raise NotAllowed(_("Your role in this project does not allow that."))
    return project


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)
