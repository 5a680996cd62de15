"""The posts policy: the one place that decides who may write, see, comment on and
moderate posts.

- A project's posts are written by members who write entries (lead, researcher,
  contributor); the site's "perspectives" by staff. Only the author changes a post: no one,
  the lead included, edits another person's words.
- The public reads a post once it is published, its time has come and (for a project post)
  the project is published; the team (members and the funder's reviewers) also see drafts.
- Comments are moderated by the project's lead and the members the lead appointed
  (contributors can be moderators); the site's by staff. Nobody can delete a comment: a
  hidden comment leaves a tombstone with its reason. An appeal is decided by a moderator
  other than the one who hid the comment.
"""

from __future__ import annotations

from typing import Any

from workings.core import clock
from workings.core.exceptions import NotAllowed
from workings.posts.models import Comment, CommentState, Moderator, Post
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated)


def _staff(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_staff)


def _is(user: Any, user_id: int | None) -> bool:
    return _signed_in(user) and user.pk == user_id


class PostsPolicy:
    def is_team(self, user: Any, project: Any | None) -> bool:
        """Sees drafts and scheduled posts: a project's members and reviewers; the site's staff."""
        if project is None:
            return _staff(user)
        return project_policy.role_of(user, project) is not None

    def can_write(self, user: Any, project: Any | None) -> bool:
        if project is None:
            return _staff(user)
        return project_policy.can(user, "write_entries", project)

    def can_edit(self, user: Any, post: Post) -> bool:
        return _is(user, post.author_id) and self.can_write(user, post.project)

    def can_read(self, user: Any, post: Post) -> bool:
        if self.is_team(user, post.project):
            return True
        if post.project is not None and not post.project.is_published:
            return False
        return post.is_out(clock.now())

    def can_comment(self, user: Any, post: Post) -> bool:
        """Anyone, signed in or not, on a post the public can read."""
        if post.project is not None and not post.project.is_published:
            return False
        return post.is_out(clock.now())

    def can_moderate(self, user: Any, project: Any | None) -> bool:
        if project is None:
            return _staff(user)
        role = project_policy.role_of(user, project)
        if role == Role.LEAD:
            return True
        if role not in (Role.RESEARCHER, Role.CONTRIBUTOR, Role.OBSERVER):
            return False
        return Moderator.objects.filter(
            project=project, membership__user=user, membership__left_at=None, active=True
        ).exists()

    def can_appoint(self, user: Any, project: Any) -> bool:
        return project_policy.role_of(user, project) == Role.LEAD

    def can_decide_appeal(self, user: Any, comment: Comment) -> bool:
        """Another moderator than the one who hid it: no one judges their own decision."""
        return (
            comment.state == CommentState.HIDDEN
            and comment.appeal_state == "waiting"
            and self.can_moderate(user, comment.post.project)
            and not _is(user, comment.moderated_by_id)
        )


posts_policy = PostsPolicy()


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)
