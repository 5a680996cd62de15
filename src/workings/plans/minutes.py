"""Writes to the minutes of steering meetings: draft, comment, finalise. Each one service,
one transaction, one ledger event (plans/snapshots.py)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.plans.models import Minutes, MinutesComment, MinutesStatus
from workings.plans.permissions import plans_policy, require
from workings.plans.services import my_membership, parse_day

MAX_TEXT = 20000


def _meeting(project: Any, value: Any) -> Any:
    from workings.record.models import Item, Kind

    if value in (None, "", 0, "0"):
        return None
    try:
        pk = int(value)
    except (TypeError, ValueError):
        pk = 0
    item = Item.objects.filter(project=project, pk=pk, kind=Kind.MEETING).first()
    if item is None:
        raise ValidationFailed(
            _("Choose a meeting recorded in this project, or leave it empty."), field="meeting"
        )
    return item


@transaction.atomic
def minutes_draft(
    *,
    actor: Any,
    project: Any,
    title: Any,
    met_on: Any,
    draft: Any,
    comments_until: Any,
    meeting: Any = None,
) -> Minutes:
    require(
        plans_policy.can_write_minutes(actor, project),
        _("Only the project's lead or a researcher writes the minutes."),
    )
    mine = my_membership(actor, project)
    assert mine is not None  # can_write_minutes needs a current membership
    met = parse_day(met_on, field="met_on", label=_("Day of the meeting"))
    if met > clock.today():
        raise ValidationFailed(
            _("Day of the meeting: the meeting cannot be in the future."), field="met_on"
        )
    until = parse_day(comments_until, field="comments_until", label=_("Comments close on"))
    if until < clock.today():
        raise ValidationFailed(
            _("Comments close on: choose today or a later day, so contributors have time."),
            field="comments_until",
        )
    minutes = Minutes.objects.create(
        project=project,
        title=required_text(title, field="title", label=_("Title"), max_length=200),
        met_on=met,
        meeting=_meeting(project, meeting),
        draft=required_text(draft, field="draft", label=_("The minutes"), max_length=MAX_TEXT),
        comments_until=until,
        written_by=mine,
    )
    append_event(
        project=project,
        type="plans.minutes_drafted",
        actor=actor,
        content={"minutes": minutes.pk},
        subjects=[minutes],
    )
    return minutes


@transaction.atomic
def minutes_comment(*, actor: Any, minutes: Minutes, body: Any) -> MinutesComment:
    minutes = Minutes.objects.select_for_update().select_related("project").get(pk=minutes.pk)
    project = minutes.project
    require(
        plans_policy.can_comment_minutes(actor, project),
        _("Only the project's contributors comment on draft minutes."),
    )
    if not minutes.open_for_comments(clock.today()):
        raise ValidationFailed(
            _("Comments on these minutes closed on %(day)s.")
            % {"day": date_format(minutes.comments_until, "j F Y")},
            field="body",
        )
    mine = my_membership(actor, project)
    assert mine is not None
    comment = MinutesComment.objects.create(
        minutes=minutes,
        author=mine,
        body=required_text(body, field="body", label=_("Your comment"), max_length=4000),
    )
    append_event(
        project=project,
        type="plans.minutes_commented",
        actor=actor,
        content={"comment": comment.pk, "minutes": minutes.pk},
        subjects=[comment],
    )
    return comment


@transaction.atomic
def minutes_finalise(*, actor: Any, minutes: Minutes, final: Any, change_note: Any) -> Minutes:
    minutes = Minutes.objects.select_for_update().select_related("project").get(pk=minutes.pk)
    project = minutes.project
    mine = my_membership(actor, project)
    require(
        plans_policy.can_finalise(actor, minutes, mine.pk if mine else None),
        _("Only the person who wrote these minutes makes them final."),
    )
    if not minutes.is_draft():
        raise ValidationFailed(_("These minutes are already final."), field="final")
    today = clock.today()
    if today <= minutes.comments_until:
        raise ValidationFailed(
            _(
                "Contributors can comment until %(day)s. You can make the minutes final "
                "after that day."
            )
            % {"day": date_format(minutes.comments_until, "j F Y")},
            field="final",
        )
    text = optional_text(final, field="final", label=_("The final minutes"), max_length=MAX_TEXT)
    note = required_text(
        change_note,
        field="change_note",
        label=_("What changed after the comments"),
        max_length=4000,
    )
    minutes.final = text or minutes.draft
    minutes.change_note = note
    minutes.status = MinutesStatus.FINAL
    minutes.finalised_on = today
    minutes.save()
    append_event(
        project=project,
        type="plans.minutes_finalised",
        actor=actor,
        content={"minutes": minutes.pk},
        subjects=[minutes],
    )
    return minutes
