"""The concern's status pipeline, kept as data (an Oscar-style transition table).

Each status maps the moves allowed from it to the status they lead to. Services ask
`next_status` before writing anything; an illegal move raises IllegalMove with a
plain-English message, and nothing is written. Deadlines and who may make a move are
separate rules (services.py and permissions.py): this table only says what can follow what.
"""

from __future__ import annotations

from workings.concerns.models import Status
from workings.core.exceptions import ValidationFailed


class IllegalMove(ValidationFailed):
    """A move the concern's current status does not allow."""


# Moves
RAISER_REPLY = "raiser_reply"  # the raiser adds something; the stage clock keeps running
HANDLER_REPLY = "handler_reply"  # the stage's handler answers: the stage has its response
OTHER_REPLY = "other_reply"  # a reviewer or the team outside their own stage
ESCALATE = "escalate"  # the raiser moves it on to the next stage
ASK_TEAM = "ask_team"  # a reviewer asks the team for a response
PROPOSE_SUMMARY = "propose_summary"  # sealed: a reviewer drafts what the team may see
ANSWER_SUMMARY = "answer_summary"  # sealed: the raiser approves or declines the draft
CLOSE = "close"  # with an outcome

_WHILE_OPEN = {
    RAISER_REPLY: None,  # None: stays in the same status
    OTHER_REPLY: None,
    HANDLER_REPLY: Status.RESPONDED,
    ESCALATE: Status.AWAITING,
    ASK_TEAM: None,
    PROPOSE_SUMMARY: None,
    ANSWER_SUMMARY: None,
    CLOSE: Status.CLOSED,
}

PIPELINE: dict[str, dict[str, str | None]] = {
    Status.AWAITING: dict(_WHILE_OPEN),
    Status.RESPONDED: dict(_WHILE_OPEN),
    Status.CLOSED: {},
}

_REFUSALS = {
    Status.CLOSED: "This concern is closed, so nothing more can be added to it.",
}


def next_status(current: str, move: str) -> str:
    allowed = PIPELINE.get(current, {})
    if move not in allowed:
        raise IllegalMove(_REFUSALS.get(current, "That step is not possible at this point."))
    target = allowed[move]
    return current if target is None else target
