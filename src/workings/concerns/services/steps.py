"""A raised concern's steps along its procedure (workflow.py): replies (never edited),
escalation to the next stage, and a reviewer asking the team in."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.concerns import notices, workflow
from workings.concerns.models import (
    Concern,
    Mode,
    Reply,
)
from workings.concerns.permissions import concern_policy, require
from workings.concerns.services.raising import ANONYMOUS, _moment, _record, concern_by_receipt
from workings.core import clock
from workings.core.exceptions import Problems
from workings.core.text import optional_text, required_text
from workings.projects.permissions import project_policy


def _fresh(concern: Concern) -> Concern:
    return (
        Concern.objects.select_for_update(of=("self",)).select_related("project").get(pk=concern.pk)
    )


def _author_role(actor: Any, concern: Concern) -> str:
    if actor is ANONYMOUS or concern_policy.is_raiser(actor, concern):
        return "raiser"
    if concern_policy.is_reviewer(actor, concern):
        return "reviewer"
    return project_policy.role_of(actor, concern.project) or ""


def _add_reply(
    concern: Concern, actor: Any, body: str, *, kind: str = Reply.Kind.REPLY, audience: str = ""
) -> Reply:
    by_raiser = actor is ANONYMOUS or concern_policy.is_raiser(actor, concern)
    if not audience:
        # On a sealed concern, what the raiser and the reviewers say stays between them.
        team_speaking = (
            concern.is_sealed and not by_raiser and concern_policy.is_team(actor, concern)
        )
        audience = (
            Reply.Audience.ALL
            if concern.mode == Mode.OPEN or team_speaking
            else Reply.Audience.REVIEWERS
        )
    reply = Reply(
        concern=concern,
        author=None
        if actor is ANONYMOUS or (by_raiser and concern.mode == Mode.ANONYMOUS)
        else actor,
        by_raiser=by_raiser,
        author_role=_author_role(actor, concern),
        kind=kind,
        audience=audience,
        body=body,
        stage_index=concern.stage_index,
        created_at=_moment(concern),
    )
    reply.full_clean(exclude=["last_event_seq"])
    reply.save()
    return reply


def _reply(concern: Concern, actor: Any, body: str) -> Reply:
    text = required_text(body, field="body", label=_("Your reply"), max_length=10000)
    if actor is ANONYMOUS or concern_policy.is_raiser(actor, concern):
        move = workflow.RAISER_REPLY
    elif concern_policy.must_act(actor, concern):
        move = workflow.HANDLER_REPLY
    else:
        move = workflow.OTHER_REPLY
    concern.status = workflow.next_status(concern.status, move)
    concern.save(update_fields=["status"])
    reply = _add_reply(concern, actor, text)
    _record(concern, "concern.replied", actor, {"move": move}, reply)
    people = notices.audience(concern)
    if reply.audience == Reply.Audience.REVIEWERS:
        people = notices.reviewers(concern) | (
            {concern.raised_by_id} if concern.raised_by_id else set()
        )
    notices.later(
        concern,
        people,
        kind="concern.replied",
        title=f"New reply on {notices.label(concern)}",
        exclude=None if actor is ANONYMOUS else actor.pk,
    )
    return reply


@transaction.atomic
def concern_reply(*, actor: Any, concern: Concern, body: str) -> Reply:
    concern = _fresh(concern)
    require(concern_policy.can_reply(actor, concern), "You cannot reply to this concern.")
    return _reply(concern, actor, body)


def concern_reply_anonymous(*, project: Any, code: str, body: str) -> Reply:
    concern = concern_by_receipt(project=project, code=code)
    return _as_anonymous(_reply, concern, body)


@transaction.atomic
def _as_anonymous(step: Any, concern: Concern, *args: Any) -> Any:
    """The receipt code is checked before the transaction opens, so that a wrong guess is
    still counted when the refusal rolls the transaction back."""
    return step(_fresh(concern), ANONYMOUS, *args)


def _escalate(concern: Concern, actor: Any, reason: str) -> Concern:
    workflow.next_status(concern.status, workflow.ESCALATE)  # closed concerns stop here
    problems = Problems()  # every broken rule is reported at once
    why = problems.check(optional_text, reason, field="reason", label=_("Reason"), max_length=2000)
    due = concern.stage_due_on
    if not concern.has_next_stage:
        problems.add(_("This concern is already at its last stage, so it cannot be moved on."))
    elif concern.status == "awaiting" and clock.today() <= due:
        problems.add(
            _(
                "%(handler)s has until %(date)s to respond. If there is no response by then, "
                "you can move the concern to the next stage yourself."
            )
            % {"handler": concern.stage["handler"], "date": date_format(due, "d F Y")}
        )
    problems.raise_any()
    previous = concern.stage_index
    concern.stage_index += 1
    concern.highest_stage_reached = max(concern.highest_stage_reached, concern.stage_index)
    concern.handler_role = concern.stage["handler_role"]
    concern.stage_started_on = clock.today()
    concern.status = workflow.next_status(concern.status, workflow.ESCALATE)
    concern.save(
        update_fields=[
            "stage_index",
            "highest_stage_reached",
            "handler_role",
            "stage_started_on",
            "status",
        ]
    )
    _record(
        concern,
        "concern.escalated",
        actor,
        {"from_stage": previous, "to_stage": concern.stage_index, "reason": why},
    )
    notices.later(
        concern,
        notices.audience(concern) | notices.handlers(concern),
        kind="concern.escalated",
        title=f"Moved to “{concern.stage['name']}”: {notices.label(concern)}",
        exclude=None if actor is ANONYMOUS else actor.pk,
        due_on=concern.stage_due_on,
        due_to=notices.handlers(concern),
    )
    return concern


@transaction.atomic
def concern_escalate(*, actor: Any, concern: Concern, reason: str = "") -> Concern:
    concern = _fresh(concern)
    require(
        concern_policy.can_escalate(actor, concern),
        "Only the person who raised this concern can move it to the next stage.",
    )
    return _escalate(concern, actor, reason)


def concern_escalate_anonymous(*, project: Any, code: str, reason: str = "") -> Concern:
    return _as_anonymous(_escalate, concern_by_receipt(project=project, code=code), reason)


@transaction.atomic
def concern_ask_team(*, actor: Any, concern: Concern, message: str) -> Reply:
    concern = _fresh(concern)
    require(
        concern_policy.can_ask_team(actor, concern),
        "Only the funder's reviewers can ask the team for a response to an open concern.",
    )
    text = required_text(message, field="message", label=_("Your request"), max_length=5000)
    concern.status = workflow.next_status(concern.status, workflow.ASK_TEAM)
    reply = _add_reply(concern, actor, text, kind=Reply.Kind.TEAM_REQUEST)
    _record(concern, "concern.team_asked", actor, {}, reply)
    team = notices.members(concern, notices.TEAM)
    notices.later(
        concern,
        team,
        kind="concern.team_asked",
        title=f"The funder's reviewer asks the team to respond to {notices.label(concern)}",
        due_to=team,
    )
    return reply
