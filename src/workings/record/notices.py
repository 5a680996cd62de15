"""Who the working record tells, and what: the person who gave feedback when it is
answered, the project's contributors when a decision is recorded, and the people who took
part when a meeting's minutes are recorded. Sent after the write commits (a write that is
rolled back tells nobody); the author of the entry is never told about their own entry."""

from __future__ import annotations

from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core.notify import notify_after_commit
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.record.models import Item


def _contributors(project: Any) -> set[int]:
    roles = project_policy.roles_with("write_own_account")
    return set(
        Membership.objects.filter(
            project=project, role__in=roles, left_at__isnull=True
        ).values_list("user_id", flat=True)
    )


def feedback_answered(item: Item, *, actor: Any) -> None:
    feedback = item.feedback
    if feedback.outcome == "not_yet_decided":
        title = _(
            "Your feedback “%(title)s” is not decided yet: a real answer is due by %(date)s"
        ) % {"title": item.title, "date": date_format(item.due_on, "j F Y") if item.due_on else ""}
    else:
        title = _("Your feedback “%(title)s” was answered: %(outcome)s. %(what)s") % {
            "title": item.title,
            "outcome": feedback.get_outcome_display(),
            "what": feedback.what_done[:120],
        }
    notify_after_commit(
        user_ids={item.author_id} - {actor.pk},
        project=item.project,
        kind="feedback.answered",
        title=title,
        url=item.get_absolute_url(),
        key=f"feedback:{item.pk}:answered:{feedback.outcome}",
    )


def decision_recorded(item: Item, *, actor: Any) -> None:
    notify_after_commit(
        user_ids=_contributors(item.project) - {actor.pk},
        project=item.project,
        kind="decision.recorded",
        title=_("A decision was recorded: “%(title)s”. You can give your view on it.")
        % {"title": item.title},
        url=item.get_absolute_url(),
        key=f"decision:{item.pk}:recorded",
    )


def minutes_recorded(item: Item, people: list[Any], *, actor: Any) -> None:
    notify_after_commit(
        user_ids={m.user_id for m in people if m.left_at is None} - {actor.pk},
        project=item.project,
        kind="meeting.minutes",
        title=_(
            "Notes of the meeting “%(title)s” are written: read them and say if anything is missing"
        )
        % {"title": item.title},
        url=item.get_absolute_url(),
        key=f"meeting:{item.pk}:minutes",
    )
