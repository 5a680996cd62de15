from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.agreements.selectors import decision_rights_for
from workings.core import clock
from workings.core.exceptions import NotAllowed, Problems, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.core.vocab import InfluenceLevel
from workings.events.services import append_event
from workings.projects.models import Project
from workings.record import notices
from workings.record.models import Decision, DecisionView, Item, Kind
from workings.record.models.decisions import Stance
from workings.record.permissions import record_policy
from workings.record.services import common as c


def promised_levels(project: Project) -> dict[str, str]:
    """Area -> level the agreement in force promises; {} when there is no agreement."""
    try:
        rights = decision_rights_for(project)
    except Exception:  # noqa: BLE001 - no agreement in force
        return {}
    if not rights:
        return {}
    if not isinstance(rights, dict):
        rights = {getattr(r, "area", None): r for r in rights}
    levels = {}
    for area_name, level in rights.items():
        value = getattr(level, "level", level)
        value = getattr(value, "value", value)
        if area_name and value in InfluenceLevel.values:
            levels[str(area_name)] = str(value)
    return levels


@transaction.atomic
def decision_record(
    *,
    actor: Any,
    project: Project,
    area: str,
    title: str,
    text: str,
    decided_by: str,
    influence: str,
    occurred_on: dt.date | str | None = None,
) -> Item:
    if not record_policy.can_write(actor, project):
        raise NotAllowed(_("Your role in this project does not allow writing entries."))
    membership = c.author_membership(actor, project)
    problems = Problems()  # every broken rule is reported at once
    chosen_area = problems.check(c.area, area)
    title = problems.check(
        required_text, title, field="title", label=_("What was decided"), max_length=c.TITLE_MAX
    )
    body = problems.check(
        optional_text, text, field="text", label=_("More detail"), max_length=c.TEXT_MAX
    )
    who = problems.check(
        required_text, decided_by, field="decided_by", label=_("Who decided"), max_length=300
    )
    level = problems.check(
        c.choice, influence, InfluenceLevel, field="influence", label=_("Contributors' influence")
    )
    on = problems.check(c.past_date, occurred_on or clock.today(), label=_("Date of the decision"))
    problems.raise_any()
    assert chosen_area is not None
    promised = promised_levels(project).get(chosen_area, "")
    item = c.new_item(
        project=project,
        kind=Kind.DECISION,
        actor=actor,
        membership=membership,
        title=title,
        body=body,
        occurred_on=on,
        area=chosen_area,
    )
    decision = Decision.objects.create(
        item=item, decided_by=who, influence=level, promised=promised
    )
    append_event(
        project=project,
        type="record.decision_recorded",
        actor=actor,
        content={"item": item.pk, "shortfall": decision.is_shortfall},
        subjects=[item, decision],
    )
    notices.decision_recorded(item, actor=actor)
    return item


@transaction.atomic
def decision_view_give(
    *, actor: Any, project: Project, item_id: int, stance: str, words: str
) -> DecisionView:
    item = (
        Item.objects.select_related("project", "decision")
        .filter(project=project, pk=item_id, kind=Kind.DECISION)
        .first()
    )
    if item is None:
        raise ValidationFailed(_("There is no such decision in this project."), field="item")
    if not record_policy.can_give_view(actor, item):
        raise NotAllowed(_("Only public contributors give their view of a decision here."))
    membership = c.author_membership(actor, project)
    chosen = c.choice(stance, Stance, field="stance", label=_("Your view"))
    said = required_text(words, field="words", label=_("In your own words"), max_length=c.TEXT_MAX)
    if DecisionView.objects.filter(decision=item.decision, membership=membership).exists():
        raise ValidationFailed(
            _(
                "You have already given your view of this decision. To add to it, write an own "
                "account about the decision."
            ),
            field="stance",
        )
    view = DecisionView.objects.create(
        decision=item.decision,
        membership=membership,
        stance=chosen,
        words=said,
        created_at=clock.now(),
    )
    append_event(
        project=project,
        type="record.decision_view",
        actor=actor,
        content={"item": item.pk, "stance": chosen},
        subjects=[view],
    )
    return view
