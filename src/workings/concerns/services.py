"""Writes for concerns. Each is one transaction that validates first, moves the concern
through the pipeline (workflow.py), writes new rows (never edits a reply) and appends the
ledger event: sealed for confidential and anonymous concerns.

The anonymous raiser has no account: their steps take the receipt code instead of an actor,
are recorded with actor=None and keep times only to the day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import ngettext

from workings.concerns import limits, notices, receipts, workflow
from workings.concerns.models import (
    SEALED_MODES,
    Concern,
    LinkKind,
    Mode,
    Outcome,
    Reply,
    SummaryState,
)
from workings.concerns.permissions import concern_policy, require
from workings.concerns.procedure import route_for
from workings.core import clock
from workings.core.exceptions import NotFound, ValidationFailed
from workings.core.text import check_plain_text
from workings.events.services import append_event
from workings.projects.permissions import project_policy
from workings.record import selectors as record_selectors

ANONYMOUS = object()  # stands for the anonymous raiser, proven by their receipt code

# Anonymous concerns are sealed and can never be erased, so a flood of them could bury the
# real ones: each project takes a few an hour (counted per project, no address kept).
ANONYMOUS_PER_HOUR = 5
ANONYMOUS_RAISED = limits.Limit(
    purpose="raised", window=dt.timedelta(hours=1), limit=ANONYMOUS_PER_HOUR
)


def _anonymous_allowed(project: Any) -> None:
    taken = limits.take(project.pk, ANONYMOUS_RAISED)
    if isinstance(taken, limits.Refused):
        minutes = taken.minutes()
        raise ValidationFailed(
            ngettext(
                "More anonymous concerns than usual have been sent for this project in the last "
                "hour, so we are not taking more for a short while. Nothing has been sent. "
                "Please try again in %(n)d minute.",
                "More anonymous concerns than usual have been sent for this project in the last "
                "hour, so we are not taking more for a short while. Nothing has been sent. "
                "Please try again in %(n)d minutes.",
                minutes,
            )
            % {"n": minutes}
        )


def _text(value: Any, *, field: str, label: str, max_length: int, required: bool = True) -> str:
    text = check_plain_text(str(value or ""), field=field, label=label, max_length=max_length)
    if required and not text:
        raise ValidationFailed(f"{label} cannot be empty.", field=field)
    return text


def _day(moment: dt.datetime) -> dt.datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def _moment(concern: Concern) -> dt.datetime:
    now = clock.now()
    return _day(now) if concern.mode == Mode.ANONYMOUS else now


def _parse_link(project: Any, link: str) -> tuple[str, int | None]:
    link = (link or "").strip()
    if not link:
        return "", None
    kind, _, raw_id = link.partition(":")
    if kind not in LinkKind.values or not raw_id.isdigit():
        raise ValidationFailed(
            "A link must name a feedback item, decision, disagreement or meeting, "
            "like “decision:12”.",
            field="link",
        )
    # The record app has no linkable_item yet: until it does, a link is refused clearly.
    finder = getattr(record_selectors, "linkable_item", None)
    if finder is None:
        raise ValidationFailed(
            "Links to the working record are not available yet. Describe the item in "
            "“What happened” instead.",
            field="link",
        )
    item = finder(project, kind, int(raw_id))
    item_project = getattr(item, "project_id", project.pk) if item is not None else None
    if item is None or item_project != project.pk:
        raise ValidationFailed(
            f"There is no {LinkKind(kind).label.lower()} {raw_id} in this project.", field="link"
        )
    return kind, int(raw_id)


def _record(
    concern: Concern,
    type_: str,
    actor: Any,
    content: dict[str, Any],
    *subjects: Any,
    sealed: bool = False,
) -> None:
    append_event(
        project=concern.project,
        type=type_,
        actor=None if actor is ANONYMOUS else actor,
        content={"concern": concern.pk, **content},
        subjects=[concern, *subjects],
        sealed=sealed or concern.mode in SEALED_MODES,
        at=_moment(concern),
    )


def _new_concern(*, project: Any, mode: str, raised_by: Any, data: dict[str, Any]) -> Concern:
    fields = {
        "subject": _text(data.get("subject"), field="subject", label="Subject", max_length=200),
        "what_happened": _text(
            data.get("what_happened"),
            field="what_happened",
            label="What happened",
            max_length=10000,
        ),
        "outcome_wanted": _text(
            data.get("outcome_wanted"),
            field="outcome_wanted",
            label="The outcome you want",
            max_length=5000,
        ),
    }
    link_kind, link_id = _parse_link(project, data.get("link", ""))
    route = route_for(project, sealed=mode in SEALED_MODES)
    now = clock.now()
    concern = Concern(
        project=project,
        mode=mode,
        raised_by=raised_by,
        link_kind=link_kind,
        link_id=link_id,
        raised_on=now.date(),
        raised_at=_day(now) if mode == Mode.ANONYMOUS else now,
        stages=route.stages,
        procedure_is_default=route.is_default,
        procedure_version_id=route.version_id,
        independent_person=route.independent_person,
        route=route.route,
        stage_index=0,
        handler_role=route.stages[0]["handler_role"],
        stage_started_on=now.date(),
        **fields,
    )
    concern.full_clean(exclude=["receipt_hash", "last_event_seq"])
    return concern


def _announce_new(concern: Concern) -> None:
    first = notices.handlers(concern)
    notices.later(
        concern,
        notices.audience(concern) - ({concern.raised_by_id} if concern.raised_by_id else set()),
        kind="concern.raised",
        title=f"New: {notices.label(concern)}",
        due_on=concern.stage_due_on,
        due_to=first,
    )


@transaction.atomic
def concern_raise(*, actor: Any, project: Any, mode: str, **data: Any) -> Concern:
    """Raise an open or confidential concern as a member. Anonymous: concern_raise_anonymous."""
    require(
        project_policy.can(actor, "raise_concern", project),
        "Only members of this project can raise a concern here.",
    )
    if mode not in (Mode.OPEN, Mode.CONFIDENTIAL):
        raise ValidationFailed("Choose open, confidential or anonymous.", field="mode")
    concern = _new_concern(project=project, mode=mode, raised_by=actor, data=data)
    concern.save()
    _record(concern, "concern.raised", actor, {"mode": mode})
    _announce_new(concern)
    return concern


@transaction.atomic
def concern_raise_anonymous(*, project: Any, **data: Any) -> tuple[Concern, str]:
    """No account, no address, no time of day. Returns the concern and its receipt code,
    which is shown once and never stored. A few are taken per project an hour; the count is
    part of this transaction, so a refused or invalid concern does not use one up."""
    concern = _new_concern(project=project, mode=Mode.ANONYMOUS, raised_by=None, data=data)
    _anonymous_allowed(project)
    code = receipts.new_code()
    concern.receipt_hash = receipts.code_hash(project.pk, code)
    concern.save()
    _record(concern, "concern.raised", ANONYMOUS, {"mode": Mode.ANONYMOUS})
    _announce_new(concern)
    return concern, code


def concern_by_receipt(*, project: Any, code: str) -> Concern:
    """The anonymous concern a receipt code belongs to. A wrong code, a malformed one and
    one for a concern elsewhere all get the same answer; wrong guesses are counted, and
    slowed then paused per project (receipts.GUESSES)."""
    taken = receipts.take_check(project.pk)
    concern = None
    if receipts.normalise(code) is not None:
        concern = (
            Concern.objects.select_related("project")
            .filter(
                project=project,
                mode=Mode.ANONYMOUS,
                receipt_hash=receipts.code_hash(project.pk, code),
            )
            .first()
        )
    if concern is None:
        # The check was counted before the code was looked at (receipts.take_check), in its
        # own statement outside the callers' transactions, so the refusal cannot undo it.
        raise NotFound(receipts.WRONG_CODE)
    receipts.right_code(taken)
    return concern


def _fresh(concern: Concern) -> Concern:
    return (
        Concern.objects.select_for_update(of=("self",)).select_related("project").get(pk=concern.pk)
    )


def _is_handler(actor: Any, concern: Concern) -> bool:
    if actor is ANONYMOUS:
        return False
    role = project_policy.role_of(actor, concern.project)
    match concern.handler_role:
        case "lead":
            return role == "lead"
        case "team":
            return role in ("lead", "researcher")
        case _:
            return concern_policy.is_reviewer(actor, concern)


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
    text = _text(body, field="body", label="Your reply", max_length=10000)
    if actor is ANONYMOUS or concern_policy.is_raiser(actor, concern):
        move = workflow.RAISER_REPLY
    elif _is_handler(actor, concern):
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
    why = _text(reason, field="reason", label="Reason", max_length=2000, required=False)
    workflow.next_status(concern.status, workflow.ESCALATE)  # closed concerns stop here
    if not concern.has_next_stage:
        raise ValidationFailed(
            "This concern is already at its last stage, so it cannot be moved on."
        )
    due = concern.stage_due_on
    if concern.status == "awaiting" and clock.today() <= due:
        raise ValidationFailed(
            f"{concern.stage['handler']} has until {due:%d %B %Y} to respond. If there is no "
            "response by then, you can move the concern to the next stage yourself."
        )
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
    text = _text(message, field="message", label="Your request", max_length=5000)
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


@transaction.atomic
def concern_summary_propose(*, actor: Any, concern: Concern, text: str) -> Concern:
    concern = _fresh(concern)
    require(
        concern_policy.can_propose_summary(actor, concern),
        "Only a reviewer can propose what the team is told about a sealed concern.",
    )
    summary = _text(text, field="text", label="Summary for the team", max_length=3000)
    concern.status = workflow.next_status(concern.status, workflow.PROPOSE_SUMMARY)
    if concern.team_involved:
        raise ValidationFailed("The team has already been involved with an approved summary.")
    concern.summary_state = SummaryState.PROPOSED
    concern.summary_text = summary
    concern.save(update_fields=["summary_state", "summary_text"])
    _record(concern, "concern.summary_proposed", actor, {"summary": summary})
    if concern.raised_by_id:
        notices.later(
            concern,
            {concern.raised_by_id},
            kind="concern.summary_proposed",
            title=f"Please approve or decline a summary of {notices.label(concern)}",
            due_to={concern.raised_by_id},
        )
    return concern


def _answer_summary(concern: Concern, actor: Any, approve: bool, comment: str) -> Concern:
    note = _text(comment, field="comment", label="Comment", max_length=2000, required=False)
    concern.status = workflow.next_status(concern.status, workflow.ANSWER_SUMMARY)
    if concern.summary_state != SummaryState.PROPOSED:
        raise ValidationFailed("There is no summary waiting for your approval.")
    concern.summary_state = SummaryState.APPROVED if approve else SummaryState.DECLINED
    concern.team_involved = concern.team_involved or approve
    concern.save(update_fields=["summary_state", "team_involved"])
    _record(concern, "concern.summary_answered", actor, {"approved": approve, "comment": note})
    notices.later(
        concern,
        notices.reviewers(concern),
        kind="concern.summary_answered",
        title=f"The raiser {'approved' if approve else 'declined'} the summary of "
        f"{notices.label(concern)}",
    )
    if approve:
        team = notices.members(concern, notices.TEAM)
        notices.later(
            concern,
            team,
            kind="concern.team_involved",
            title=f"The funder's reviewer asks the team to respond to a concern in "
            f"{concern.project.title}",
            due_to=team,
        )
    return concern


@transaction.atomic
def concern_summary_answer(
    *, actor: Any, concern: Concern, approve: bool, comment: str = ""
) -> Concern:
    concern = _fresh(concern)
    require(
        concern_policy.can_answer_summary(actor, concern),
        "Only the person who raised this concern can approve its summary.",
    )
    return _answer_summary(concern, actor, approve, comment)


def concern_summary_answer_anonymous(
    *, project: Any, code: str, approve: bool, comment: str = ""
) -> Concern:
    concern = concern_by_receipt(project=project, code=code)
    return _as_anonymous(_answer_summary, concern, approve, comment)


@transaction.atomic
def concern_close(*, actor: Any, concern: Concern, outcome: str, reasons: str = "") -> Concern:
    concern = _fresh(concern)
    require(concern_policy.can_close(actor, concern), "You cannot close this concern.")
    workflow.next_status(concern.status, workflow.CLOSE)
    if outcome not in Outcome.values:
        raise ValidationFailed("Choose an outcome.", field="outcome")
    require(
        concern_policy.can_close(actor, concern, outcome),
        "As the raiser you can close your concern as resolved; other outcomes are for the "
        "funder's reviewers.",
    )
    why = _text(
        reasons,
        field="reasons",
        label="Reasons",
        max_length=5000,
        required=outcome == Outcome.NOT_UPHELD,
    )
    concern.status = workflow.next_status(concern.status, workflow.CLOSE)
    concern.outcome = outcome
    concern.outcome_reasons = why
    concern.closed_on = clock.today()
    concern.save(update_fields=["status", "outcome", "outcome_reasons", "closed_on"])
    _record(concern, "concern.closed", actor, {"outcome": outcome, "reasons": why})
    notices.later(
        concern,
        notices.audience(concern),
        kind="concern.closed",
        title=f"Closed ({concern.get_outcome_display().lower()}): {notices.label(concern)}",
        exclude=actor.pk,
    )
    return concern


def raiser_membership_check(
    *, actor: Any, project: Any, membership: Any, change: str, reason: str
) -> None:
    """Called inside the projects service's transaction when a member is removed or demoted.

    It never refuses and never changes what the lead is told: a refusal, or a request for a
    reason asked only of raisers, would tell the team who raised a concern. For each concern
    the person has open here, the change goes into a sealed entry (append_event keeps a sealed
    entry's time to the day) and a notice to that concern's reviewers, and to nobody else."""
    open_concerns = list(
        Concern.objects.filter(project=project, raised_by_id=membership.user_id)
        .exclude(status="closed")
        .select_related("project")
    )
    for concern in open_concerns:
        _record(
            concern,
            "concern.raiser_protected",
            actor,
            {"change": change, "reason": (reason or "").strip(), "by": actor.pk},
            sealed=True,
        )
        notices.later(
            concern,
            notices.reviewers(concern),
            kind="concern.raiser_protected",
            title=f"A lead made a membership change affecting the raiser of "
            f"{notices.label(concern)}",
            due_to=notices.reviewers(concern),
        )
