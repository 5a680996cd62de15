from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from workings.agreements.selectors import feedback_response_days
from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.events.services import append_event
from workings.projects.models import Project
from workings.record.models import Feedback, Item, Kind
from workings.record.models.feedback import Outcome
from workings.record.permissions import record_policy
from workings.record.services import common as c

DEFAULT_RESPONSE_DAYS = 14


def response_days(project: Project) -> int:
    """Days the team has to answer feedback: from the agreement in force, else 14."""
    try:
        days = feedback_response_days(project)
    except Exception:  # noqa: BLE001 - an agreement app problem must not block feedback
        return DEFAULT_RESPONSE_DAYS
    return int(days) if days else DEFAULT_RESPONSE_DAYS


@transaction.atomic
def feedback_give(
    *,
    actor: Any,
    project: Project,
    area: str,
    title: str,
    text: str,
    on_behalf_of: str = "",
    occurred_on: dt.date | str | None = None,
) -> Item:
    if not record_policy.can_record_feedback(actor, project):
        raise NotAllowed("Your role in this project does not allow recording feedback.")
    membership = c.author_membership(actor, project)
    chosen_area = c.area(area)
    title = c.required(title, field="title", label="Title", max_length=c.TITLE_MAX)
    body = c.required(text, field="text", label="The feedback", max_length=c.TEXT_MAX)
    group = c.text(on_behalf_of, field="on_behalf_of", label="On behalf of", max_length=200)
    if not group and not record_policy.speaks_for_contributors(actor, project):
        raise ValidationFailed(
            "Say which group of contributors this feedback came from (for example "
            "“the carers' panel”): researchers record feedback on behalf of a named group.",
            field="on_behalf_of",
        )
    on = c.past_date(occurred_on or clock.today(), label="Date the feedback was given")
    due = on + dt.timedelta(days=response_days(project))
    item = c.new_item(
        project=project,
        kind=Kind.FEEDBACK,
        actor=actor,
        membership=membership,
        title=title,
        body=body,
        occurred_on=on,
        area=chosen_area,
        is_open=True,
        due_on=due,
    )
    feedback = Feedback.objects.create(item=item, on_behalf_of=group)
    append_event(
        project=project,
        type="record.feedback_given",
        actor=actor,
        content={"item": item.pk, "due_on": due.isoformat()},
        subjects=[item, feedback],
    )
    return item


def _locked_feedback(project: Project, item_id: int) -> Item:
    return c.locked_item(
        project, item_id, Kind.FEEDBACK, noun="feedback", field="item", related=("feedback",)
    )


@transaction.atomic
def feedback_answer(
    *, actor: Any, project: Project, item_id: int, outcome: str, what_done: str, why: str
) -> Item:
    item = _locked_feedback(project, item_id)
    feedback = item.feedback
    if feedback.answered_at is not None:
        raise ValidationFailed(
            f"This feedback was already answered on {feedback.answered_at:%d %B %Y}. "
            "Feedback is answered once; to change the answer, record a correction.",
            field="outcome",
        )
    if not record_policy.can_answer(actor, item):
        raise NotAllowed("Only the lead or a researcher can answer feedback.")
    chosen = c.choice(outcome, Outcome, field="outcome", label="Outcome")
    done = c.required(what_done, field="what_done", label="What was done")
    because = c.required(why, field="why", label="Why")
    feedback.outcome = chosen
    feedback.what_done = done
    feedback.why = because
    feedback.answered_by = actor
    feedback.answered_at = clock.now()
    feedback.save()
    item.is_open = False
    item.save(update_fields=["is_open"])
    append_event(
        project=project,
        type="record.feedback_answered",
        actor=actor,
        content={"item": item.pk, "outcome": chosen, "late": item.due_on < clock.today()},
        subjects=[feedback, item],
    )
    return item


@transaction.atomic
def feedback_mark_satisfaction(
    *, actor: Any, project: Project, item_id: int, satisfied: bool, why: str = ""
) -> Item:
    item = _locked_feedback(project, item_id)
    feedback = item.feedback
    if feedback.answered_at is None:
        raise ValidationFailed("This feedback has not been answered yet.", field="satisfied")
    if feedback.satisfaction_at is not None:
        raise ValidationFailed(
            "You have already said whether the answer satisfies you. To say more, write an "
            "own account about it.",
            field="satisfied",
        )
    if not record_policy.can_mark_satisfaction(actor, item):
        raise NotAllowed("Only the contributor who gave this feedback can say this.")
    reason = c.text(why, field="why", label="Why")
    if not satisfied and not reason:
        raise ValidationFailed("Say why the answer does not satisfy you.", field="why")
    feedback.satisfied = bool(satisfied)
    feedback.satisfaction_why = reason
    feedback.satisfaction_at = clock.now()
    feedback.save()
    append_event(
        project=project,
        type="record.feedback_satisfaction",
        actor=actor,
        content={"item": item.pk, "satisfied": feedback.satisfied},
        subjects=[feedback],
    )
    return item
