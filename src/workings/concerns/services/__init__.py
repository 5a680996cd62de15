"""Writes for concerns: raising (raising.py), the steps along the procedure (steps.py) and
closing (closing.py). Each is one transaction that validates first, moves the concern
through the pipeline (workflow.py), writes new rows (never edits a reply) and appends the
ledger event: sealed for confidential and anonymous concerns."""

from __future__ import annotations

from workings.concerns.services.closing import (
    concern_close,
    concern_summary_answer,
    concern_summary_answer_anonymous,
    concern_summary_propose,
    raiser_membership_check,
)
from workings.concerns.services.raising import (
    ANONYMOUS,
    ANONYMOUS_PER_HOUR,
    ANONYMOUS_RAISED,
    concern_by_receipt,
    concern_raise,
    concern_raise_anonymous,
)
from workings.concerns.services.steps import (
    concern_ask_team,
    concern_escalate,
    concern_escalate_anonymous,
    concern_reply,
    concern_reply_anonymous,
)

__all__ = [
    "ANONYMOUS",
    "ANONYMOUS_PER_HOUR",
    "ANONYMOUS_RAISED",
    "concern_ask_team",
    "concern_by_receipt",
    "concern_close",
    "concern_escalate",
    "concern_escalate_anonymous",
    "concern_raise",
    "concern_raise_anonymous",
    "concern_reply",
    "concern_reply_anonymous",
    "concern_summary_answer",
    "concern_summary_answer_anonymous",
    "concern_summary_propose",
    "raiser_membership_check",
]
