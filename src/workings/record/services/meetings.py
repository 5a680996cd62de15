from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, Problems, ValidationFailed
from workings.core.text import required_text
from workings.events.services import append_event
from workings.projects.models import Project
from workings.record import notices
from workings.record.models import Attachment, Item, Kind, Meeting
from workings.record.models.meetings import Activity
from workings.record.permissions import record_policy
from workings.record.services import attachments as files
from workings.record.services import common as c


def _hours(value: Any) -> Decimal:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationFailed(_("Hours must be a number, like 2 or 1.5."), field="hours") from None
    if not hours.is_finite() or hours <= 0:
        raise ValidationFailed(_("Hours must be more than 0."), field="hours")
    if hours > 24:
        raise ValidationFailed(
            _("Hours must be 24 or fewer: a day has 24 hours (you entered %(hours)s).")
            % {"hours": hours},
            field="hours",
        )
    if hours.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValidationFailed(_("Hours can have at most two decimal places."), field="hours")
    return hours


@transaction.atomic
def meeting_record(
    *,
    actor: Any,
    project: Project,
    occurred_on: dt.date | str,
    activity: str,
    title: str,
    summary: str,
    hours: Any,
    participants: list[Any],
    area: str = "",
    attachments: list[Any] | None = None,
) -> Item:
    if not record_policy.can_write(actor, project):
        raise NotAllowed(_("Your role in this project does not allow writing entries."))
    membership = c.author_membership(actor, project)
    problems = Problems()  # every broken rule is reported at once
    on = problems.check(c.past_date, occurred_on, label=_("Date of the meeting"))
    kind = problems.check(
        c.choice, activity, Activity, field="activity", label=_("Kind of activity")
    )
    title = problems.check(
        required_text, title, field="title", label=_("Title"), max_length=c.TITLE_MAX
    )
    summary = problems.check(
        required_text, summary, field="summary", label=_("Summary"), max_length=c.LONG_TEXT_MAX
    )
    hours_value = problems.check(_hours, hours)
    chosen_area = problems.check(c.area, area, required_=False)
    people: Any = []
    if not participants:
        problems.add(_("Choose at least one person who took part."), field="participants")
    elif on is not None:
        people = problems.check(
            c.members_by_id,
            project,
            participants,
            on=on,
            field="participants",
            label=_("Who took part"),
        )
    checked = problems.check(files.check_files, attachments) or []
    problems.raise_any()

    item = c.new_item(
        project=project,
        kind=Kind.MEETING,
        actor=actor,
        membership=membership,
        title=title,
        body=summary,
        occurred_on=on,
        area=chosen_area,
        people=people,
    )
    meeting = Meeting.objects.create(item=item, activity=kind, hours=hours_value)
    meeting.participants.set(people)
    stored = [
        Attachment(
            item=item,
            name=f.name,
            content_type=f.content_type,
            size=len(f.content),
            sha256=f.sha256,
            file=files.store(f, project_slug=project.slug),
        )
        for f in checked
    ]
    Attachment.objects.bulk_create(stored)
    append_event(
        project=project,
        type="record.meeting_recorded",
        actor=actor,
        content={
            "item": item.pk,
            "attachments": [
                {"name": f.name, "sha256": f.sha256, "size": len(f.content)} for f in checked
            ],
        },
        subjects=[item, meeting, *Attachment.objects.filter(item=item)],
    )
    notices.minutes_recorded(item, people, actor=actor)
    return item
