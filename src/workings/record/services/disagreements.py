from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.projects.models import Project
from workings.record.models import Disagreement, Item, Kind, Position, PositionVersion
from workings.record.models.disagreements import DisagreementOutcome, Side
from workings.record.permissions import record_policy
from workings.record.services import common as c

POSITION_MAX = 10000


@transaction.atomic
def disagreement_record(
    *,
    actor: Any,
    project: Project,
    subject: str,
    text: str = "",
    area: str = "",
    occurred_on: dt.date | str | None = None,
) -> Item:
    if not record_policy.can_write(actor, project):
        raise NotAllowed(_("Your role in this project does not allow writing entries."))
    membership = c.author_membership(actor, project)
    title = required_text(subject, field="subject", label=_("Subject"), max_length=c.TITLE_MAX)
    body = optional_text(text, field="text", label=_("Background"), max_length=c.TEXT_MAX)
    chosen_area = c.area(area, required_=False)
    on = c.past_date(occurred_on or clock.today(), label=_("Date the disagreement arose"))
    item = c.new_item(
        project=project,
        kind=Kind.DISAGREEMENT,
        actor=actor,
        membership=membership,
        title=title,
        body=body,
        occurred_on=on,
        area=chosen_area,
        is_open=True,
    )
    disagreement = Disagreement.objects.create(item=item)
    append_event(
        project=project,
        type="record.disagreement_recorded",
        actor=actor,
        content={"item": item.pk},
        subjects=[item, disagreement],
    )
    return item


def _disagreement(project: Project, item_id: int) -> Item:
    return c.locked_item(
        project,
        item_id,
        Kind.DISAGREEMENT,
        noun="disagreement",
        field="item",
        related=("disagreement",),
    )


@transaction.atomic
def position_write(*, actor: Any, project: Project, item_id: int, text: str) -> Position:
    item = _disagreement(project, item_id)
    if item.disagreement.is_settled:
        raise ValidationFailed(
            _(
                "This disagreement already has an outcome; positions can no longer be added. "
                "You can still write an own account about it."
            ),
            field="text",
        )
    if not record_policy.can_write_position(actor, item):
        raise NotAllowed(_("Your role in this project does not allow writing a position."))
    membership = c.author_membership(actor, project)
    said = required_text(text, field="text", label=_("Your position"), max_length=POSITION_MAX)
    if Position.objects.filter(
        disagreement=item.disagreement, author_membership=membership
    ).exists():
        raise ValidationFailed(
            _(
                "You have already written your position on this; edit it instead (every version "
                "is kept)."
            ),
            field="text",
        )
    side = (
        Side.CONTRIBUTORS
        if record_policy.speaks_for_contributors(actor, project)
        else Side.RESEARCH_TEAM
    )
    now = clock.now()
    position = Position.objects.create(
        disagreement=item.disagreement,
        author_membership=membership,
        side=side,
        text=said,
        version=1,
        created_at=now,
        updated_at=now,
    )
    PositionVersion.objects.create(position=position, number=1, text=said, created_at=now)
    from workings.record.models import ItemPerson

    ItemPerson.objects.get_or_create(item=item, membership=membership)
    append_event(
        project=project,
        type="record.position_written",
        actor=actor,
        content={"item": item.pk, "position": position.pk, "side": side},
        subjects=[position],
    )
    return position


@transaction.atomic
def position_edit(*, actor: Any, project: Project, position_id: int, text: str) -> Position:
    position = (
        Position.objects.select_for_update(of=("self",))
        .select_related("author_membership", "disagreement__item")
        .filter(pk=position_id, disagreement__item__project=project)
        .first()
    )
    if position is None:
        raise ValidationFailed(_("There is no such position in this project."), field="text")
    if not record_policy.can_edit_position(actor, position):
        raise NotAllowed(_("Only the person who wrote a position can edit it."))
    said = required_text(text, field="text", label=_("Your position"), max_length=POSITION_MAX)
    if said == position.text:
        raise ValidationFailed(_("Nothing has changed in your position."), field="text")
    position.version += 1
    position.text = said
    position.updated_at = clock.now()
    position.save()
    PositionVersion.objects.create(
        position=position, number=position.version, text=said, created_at=position.updated_at
    )
    append_event(
        project=project,
        type="record.position_edited",
        actor=actor,
        content={"position": position.pk, "version": position.version},
        subjects=[position],
    )
    return position


@transaction.atomic
def disagreement_settle(
    *,
    actor: Any,
    project: Project,
    item_id: int,
    outcome: str,
    outcome_text: str,
    what_changed: str = "",
    research_team_gave: str = "",
    contributors_gave: str = "",
) -> Item:
    item = _disagreement(project, item_id)
    disagreement = item.disagreement
    if disagreement.is_settled:
        raise ValidationFailed(
            _(
                "This disagreement's outcome was already recorded (%(value)s). To change it, "
                "record a correction."
            )
            % {"value": disagreement.get_outcome_display().lower()},
            field="outcome",
        )
    if not record_policy.can_settle(actor, item):
        raise NotAllowed(_("Your role in this project does not allow recording an outcome."))
    settled = [v for v in DisagreementOutcome.values if v != DisagreementOutcome.OPEN]
    chosen = str(outcome or "")
    if chosen not in settled:
        raise ValidationFailed(
            _(
                "Outcome must be one of: resolved, compromise, left unresolved, "
                "escalated to a concern."
            ),
            field="outcome",
        )
    said = required_text(
        outcome_text,
        field="outcome_text",
        label=_("What was agreed or what happened"),
        max_length=c.TEXT_MAX,
    )
    changed = optional_text(
        what_changed, field="what_changed", label=_("What it changed"), max_length=c.TEXT_MAX
    )
    team_gave = optional_text(
        research_team_gave,
        field="research_team_gave",
        label=_("What the research team gave"),
        max_length=c.TEXT_MAX,
    )
    they_gave = optional_text(
        contributors_gave,
        field="contributors_gave",
        label=_("What contributors gave"),
        max_length=c.TEXT_MAX,
    )
    if chosen == DisagreementOutcome.COMPROMISE and not (team_gave and they_gave):
        raise ValidationFailed(
            _(
                "A compromise means each side gave something: say what the research team gave "
                "and what contributors gave."
            ),
            field="research_team_gave" if not team_gave else "contributors_gave",
        )
    disagreement.outcome = chosen
    disagreement.outcome_text = said
    disagreement.what_changed = changed
    disagreement.research_team_gave = team_gave
    disagreement.contributors_gave = they_gave
    disagreement.outcome_by = actor
    disagreement.outcome_at = clock.now()
    disagreement.save()
    item.is_open = False
    item.save(update_fields=["is_open"])
    append_event(
        project=project,
        type="record.disagreement_outcome",
        actor=actor,
        content={"item": item.pk, "outcome": chosen},
        subjects=[disagreement, item],
    )
    return item
