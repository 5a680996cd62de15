"""The working record's policy: object rules on top of the project policy.

Project-level powers (who may write entries, answer feedback, write an own account) come from
workings.projects.permissions; this module adds the rules about particular entries, such as
"only the author edits a position". Views and the API ask these methods; nothing tests a
role inline."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, NotFound
from workings.projects.models import Membership, Project
from workings.projects.permissions import project_policy
from workings.record.models import Item, Kind


class RecordPolicy:
    def can(self, user: Any, action: str, project: Project) -> bool:
        return project_policy.can(user, action, project)

    def can_view(self, user: Any, project: Project) -> bool:
        return project_policy.can(user, "view_record", project)

    def can_write(self, user: Any, project: Project) -> bool:
        return project_policy.can(user, "write_entries", project)

    def can_view_leaving_reasons(self, user: Any, project: Project) -> bool:
        """A leaving reason is private to the project's members (never public)."""
        return project_policy.can(user, "view_leaving_reasons", project)

    def speaks_for_contributors(self, user: Any, project: Project) -> bool:
        """Public contributors record feedback and views in their own name."""
        return project_policy.can(user, "write_own_account", project)

    def can_record_feedback(self, user: Any, project: Project) -> bool:
        return self.can_write(user, project)

    def can_answer(self, user: Any, item: Item) -> bool:
        if not project_policy.can(user, "respond", item.project):
            return False
        if item.kind != Kind.FEEDBACK:
            return False
        # "Not yet decided" keeps the feedback open for its real answer.
        return item.feedback.answered_at is None or item.feedback.outcome == "not_yet_decided"

    def can_mark_satisfaction(self, user: Any, item: Item) -> bool:
        if item.kind != Kind.FEEDBACK or not self.speaks_for_contributors(user, item.project):
            return False
        feedback = item.feedback
        if feedback.answered_at is None or feedback.satisfaction_at is not None:
            return False
        if feedback.outcome == "not_yet_decided":
            return False  # nothing to judge until the real answer
        return item.author_id == user.pk

    def can_give_view(self, user: Any, item: Item) -> bool:
        return item.kind == Kind.DECISION and self.speaks_for_contributors(user, item.project)

    def can_write_position(self, user: Any, item: Item) -> bool:
        if item.kind != Kind.DISAGREEMENT or not self.can_write(user, item.project):
            return False
        return not item.disagreement.is_settled

    def can_edit_position(self, user: Any, position: Any) -> bool:
        membership = position.author_membership
        return bool(
            user is not None
            and user.is_authenticated
            and membership.user_id == user.pk
            and membership.is_active
        )

    def can_settle(self, user: Any, item: Item) -> bool:
        if item.kind != Kind.DISAGREEMENT or not self.can_write(user, item.project):
            return False
        return not item.disagreement.is_settled

    def can_write_account(self, user: Any, project: Project) -> bool:
        return project_policy.can(user, "write_own_account", project)

    def can_edit_account(self, user: Any, item: Item) -> bool:
        return bool(
            item.kind == Kind.ACCOUNT
            and user is not None
            and user.is_authenticated
            and item.author_id == user.pk
            and project_policy.is_member(user, item.project)
        )

    def can_correct(self, user: Any, item: Item) -> bool:
        # Own accounts are changed by their author (versioned), never "corrected" by others.
        return item.kind != Kind.ACCOUNT and self.can_write(user, item.project)

    def sees_hidden(self, user: Any, project: Project) -> bool:
        """Members read entries the lead hid from the public (marked hidden); others see
        the tombstone."""
        return project_policy.is_member(user, project)

    def membership_of(self, user: Any, project: Project) -> Membership | None:
        if user is None or not user.is_authenticated:
            return None
        return Membership.objects.filter(project=project, user=user, left_at__isnull=True).first()


record_policy = RecordPolicy()


def item_get_for(user: Any, project: Project, pk: int, *, kind: str | None = None) -> Item:
    """An entry of this project the person may see (the project was already checked)."""
    if not record_policy.can_view(user, project):
        raise NotFound(_("We could not find that entry."))
    items = Item.objects.select_related(
        "project",
        "author_membership__user",
        "feedback",
        "decision",
        "disagreement",
        "meeting",
        "corrects",
        "about",
    )
    item = items.filter(project=project, pk=pk).first()
    if item is None or (kind is not None and item.kind != kind):
        raise NotFound(_("We could not find that entry."))
    return item


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)
