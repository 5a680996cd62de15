"""What a concern page shows a given person: shared by the signed-in and anonymous pages."""

from __future__ import annotations

from typing import Any

from workings.concerns import selectors
from workings.concerns.models import Concern, Status, SummaryState
from workings.concerns.permissions import concern_policy
from workings.concerns.reads import reads_for_raiser
from workings.core import clock


def stage_rows(concern: Concern) -> list[dict[str, Any]]:
    rows = []
    for i, stage in enumerate(concern.stages):
        state = (
            "done"
            if i < concern.stage_index
            else "current"
            if i == concern.stage_index
            else "later"
        )
        if concern.status == Status.CLOSED and i == concern.stage_index:
            state = "closed"
        rows.append({"number": i + 1, **stage, "state": state})
    return rows


def timing(concern: Concern) -> dict[str, Any]:
    due = concern.stage_due_on
    today = clock.today()
    waiting = concern.status == Status.AWAITING
    return {
        "due_on": due,
        "overdue": waiting and today > due,
        "days_left": (due - today).days,
        "escalate_ready": concern.is_open
        and concern.has_next_stage
        and (concern.status == Status.RESPONDED or today > due),
    }


def concern_context(user: Any, concern: Concern, *, as_raiser: bool = False) -> dict[str, Any]:
    """as_raiser: the anonymous raiser, proven by their receipt code."""
    full = as_raiser or concern_policy.can_view_full(user, concern)
    raiser_label = None
    if not as_raiser and concern_policy.can_see_raiser(user, concern):
        raiser_label = selectors.raiser_labels([concern]).get(concern.pk)
    is_raiser = as_raiser or concern_policy.is_raiser(user, concern)
    is_open = concern.is_open
    sealed_reads = None
    if is_raiser and concern.is_sealed:
        sealed_reads = reads_for_raiser(concern)
    return {
        "concern": concern,
        "sealed_reads": sealed_reads,
        "full": full,
        "is_raiser": is_raiser,
        "raiser_label": raiser_label,
        "replies": selectors.replies_for(user=user, concern=concern, as_raiser=as_raiser),
        "stages": stage_rows(concern),
        "timing": timing(concern),
        "may": {
            "reply": is_open and (as_raiser or concern_policy.can_reply(user, concern)),
            "escalate": is_open and (as_raiser or concern_policy.can_escalate(user, concern)),
            "ask_team": is_open and not as_raiser and concern_policy.can_ask_team(user, concern),
            "propose_summary": is_open
            and not as_raiser
            and not concern.team_involved
            and concern.summary_state != SummaryState.PROPOSED
            and concern_policy.can_propose_summary(user, concern),
            "answer_summary": is_open
            and concern.summary_state == SummaryState.PROPOSED
            and (as_raiser or concern_policy.can_answer_summary(user, concern)),
            "close": is_open
            and not as_raiser
            and bool(concern_policy.closing_outcomes(user, concern)),
        },
    }
