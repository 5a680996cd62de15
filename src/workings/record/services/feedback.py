from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.agreements.selectors import feedback_response_days
from workings.core import clock
from workings.core.exceptions import NotAllowed, Problems, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.projects.models import Project
from workings.record import notices
from workings.record.models import Feedback, Item, Kind
from workings.record.models.feedback import Outcome
from workings.record.permissions import record_policy
from workings.record.services import common as c


def response_days(project: Project) -> int:
    """Days the team has to answer feedback: the agreement in force says, else 14. Errors
    are not caught: a wrong due date written into the log could never be corrected."""
    return feedback_response_days(project)


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
    about: int | None = None,
) -> Item:
    """Record feedback. The research area is optional ("Not sure"); ``about`` names the
    meeting it is about (an entry of this project of the meeting kind)."""
    if not record_policy.can_record_feedback(actor, project):
        raise NotAllowed(_("Your role in this project does not allow recording feedback."))
    membership = c.author_membership(actor, project)
    problems = Problems()  # every broken rule is reported at once
    chosen_area = problems.check(c.area, area, required_=False)
    meeting = None
    if about not in (None, ""):
        meeting = Item.objects.filter(project=project, kind=Kind.MEETING, pk=about).first()
        if meeting is None:
            problems.add(
                _("We could not find that meeting in this project's record."), field="about"
            )
    title = problems.check(
        required_text, title, field="title", label=_("Title"), max_length=c.TITLE_MAX
    )
    body = problems.check(
        required_text, text, field="text", label=_("The feedback"), max_length=c.TEXT_MAX
    )
    group = problems.check(
        optional_text, on_behalf_of, field="on_behalf_of", label=_("On behalf of"), max_length=200
    )
    if group == "" and not record_policy.speaks_for_contributors(actor, project):
        problems.add(
            _(
                "Say which group of contributors this feedback came from (for example "
                "“the carers' panel”): researchers record feedback on behalf of a named group."
            ),
            field="on_behalf_of",
        )
    on = problems.check(
        c.past_date, occurred_on or clock.today(), label=_("Date the feedback was given")
    )
    problems.raise_any()
    assert on is not None
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
        about=meeting,
    )
    feedback = Feedback.objects.create(item=item, on_behalf_of=group)
    append_event(
        project=project,
        type="record.feedback_given",
        actor=actor,
        content={
            "item": item.pk,
            "due_on": due.isoformat(),
            "about": meeting.pk if meeting else None,
        },
        subjects=[item, feedback],
    )
    return item


def _locked_feedback(project: Project, item_id: int) -> Item:
    return c.locked_item(
        project, item_id, Kind.FEEDBACK, noun="feedback", field="item", related=("feedback",)
    )


def _answer_due(value: Any, *, today: dt.date) -> dt.date:
    """The date by which a real answer is due, when the answer is "not yet decided"."""
    if value in (None, ""):
        raise ValidationFailed(
            _(
                "Enter the date by which you will give a real answer (for example "
                "%(example)s): “not yet decided” keeps the feedback open until then."
            )
            % {"example": date_format(today + dt.timedelta(days=28), "j F Y")},
            field="answer_due_on",
        )
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value))
        except (TypeError, ValueError):
            raise ValidationFailed(
                _("Enter the date for a real answer as a date, like 2026-03-31."),
                field="answer_due_on",
            ) from None
    if value <= today:
        raise ValidationFailed(
            _("The date for a real answer must be after today."), field="answer_due_on"
        )
    if value > today + dt.timedelta(days=366):
        raise ValidationFailed(
            _("The date for a real answer must be within a year."), field="answer_due_on"
        )
    return value


@transaction.atomic
def feedback_answer(
    *,
    actor: Any,
    project: Project,
    item_id: int,
    outcome: str,
    what_done: str,
    why: str,
    answer_due_on: dt.date | str | None = None,
) -> Item:
    """Answer feedback once. "Not yet decided" is not an answer: it keeps the feedback open
    with the date by which a real answer is due (the feedback's new due date, reminded and
    flagged when overdue), and the real answer comes later."""
    item = _locked_feedback(project, item_id)
    feedback = item.feedback
    if feedback.answered_at is not None and feedback.outcome != Outcome.NOT_YET_DECIDED:
        raise ValidationFailed(
            _(
                "This feedback was already answered on %(date)s. "
                "Feedback is answered once; to change the answer, record a correction."
            )
            % {"date": date_format(feedback.answered_at, "d F Y")},
            field="outcome",
        )
    if not record_policy.can_answer(actor, item):
        raise NotAllowed(_("Only the lead or a researcher can answer feedback."))
    problems = Problems()  # every broken rule is reported at once
    chosen = problems.check(c.choice, outcome, Outcome, field="outcome", label=_("Outcome"))
    done = problems.check(
        required_text, what_done, field="what_done", label=_("What was done"), max_length=c.TEXT_MAX
    )
    because = problems.check(required_text, why, field="why", label=_("Why"), max_length=c.TEXT_MAX)
    today = clock.today()
    late = item.due_on < today
    postponed = chosen == Outcome.NOT_YET_DECIDED
    answer_due = problems.check(_answer_due, answer_due_on, today=today) if postponed else None
    problems.raise_any()
    if postponed and answer_due is not None:
        item.due_on = answer_due
    feedback.outcome = chosen
    feedback.what_done = done
    feedback.why = because
    feedback.answered_by = actor
    feedback.answered_at = clock.now()
    feedback.save()
    item.is_open = postponed
    item.save(update_fields=["is_open", "due_on"])
    content: dict[str, Any] = {"item": item.pk, "outcome": chosen, "late": late}
    if postponed:
        content["answer_due_on"] = item.due_on.isoformat()
    append_event(
        project=project,
        type="record.feedback_answered",
        actor=actor,
        content=content,
        subjects=[feedback, item],
    )
    notices.feedback_answered(item, actor=actor)
    return item


@transaction.atomic
def feedback_mark_satisfaction(
    *, actor: Any, project: Project, item_id: int, satisfied: bool, why: str = ""
) -> Item:
    item = _locked_feedback(project, item_id)
    feedback = item.feedback
    if feedback.answered_at is None:
        raise ValidationFailed(_("This feedback has not been answered yet."), field="satisfied")
    if feedback.outcome == Outcome.NOT_YET_DECIDED:
        raise ValidationFailed(
            _("The team has not decided yet: you can say this once they give a real answer."),
            field="satisfied",
        )
    if feedback.satisfaction_at is not None:
        raise ValidationFailed(
            _(
                "You have already said whether the answer satisfies you. To say more, write an "
                "own account about it."
            ),
            field="satisfied",
        )
    if not record_policy.can_mark_satisfaction(actor, item):
        raise NotAllowed(_("Only the contributor who gave this feedback can say this."))
    reason = optional_text(why, field="why", label=_("Why"), max_length=c.TEXT_MAX)
    if not satisfied and not reason:
        raise ValidationFailed(_("Say why the answer does not satisfy you."), field="why")
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
