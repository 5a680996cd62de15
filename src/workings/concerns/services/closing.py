"""Ending a concern: a summary proposed and answered, the close with its outcome, and the
sealed note when a lead changes the membership of someone with a concern open."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.concerns import notices, workflow
from workings.concerns.models import (
    Concern,
    Outcome,
    SummaryState,
)
from workings.concerns.permissions import concern_policy, require
from workings.concerns.services.raising import _record, concern_by_receipt
from workings.concerns.services.steps import _as_anonymous, _fresh
from workings.core import clock
from workings.core.exceptions import Problems, ValidationFailed
from workings.core.text import optional_text, required_text


@transaction.atomic
def concern_summary_propose(*, actor: Any, concern: Concern, text: str) -> Concern:
    concern = _fresh(concern)
    require(
        concern_policy.can_propose_summary(actor, concern),
        "Only a reviewer can propose what the team is told about a sealed concern.",
    )
    summary = required_text(text, field="text", label=_("Summary for the team"), max_length=3000)
    concern.status = workflow.next_status(concern.status, workflow.PROPOSE_SUMMARY)
    if concern.team_involved:
        raise ValidationFailed(_("The team has already been involved with an approved summary."))
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
    note = optional_text(comment, field="comment", label=_("Comment"), max_length=2000)
    concern.status = workflow.next_status(concern.status, workflow.ANSWER_SUMMARY)
    if concern.summary_state != SummaryState.PROPOSED:
        raise ValidationFailed(_("There is no summary waiting for your approval."))
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
    problems = Problems()  # every broken rule is reported at once
    if outcome not in Outcome.values:
        problems.add(_("Choose an outcome."), field="outcome")
    else:
        require(
            concern_policy.can_close(actor, concern, outcome),
            "As the raiser you can close your concern as resolved; other outcomes are for the "
            "funder's reviewers.",
        )
    # Reasons are owed to the raiser only when the concern is not upheld.
    check = required_text if outcome == Outcome.NOT_UPHELD else optional_text
    why = problems.check(check, reasons, field="reasons", label=_("Reasons"), max_length=5000)
    problems.raise_any()
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
