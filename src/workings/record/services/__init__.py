"""Writes to the working record. Each service validates everything first, then writes its
rows and appends one ledger event in the same transaction: all or nothing."""

from workings.record.services.accounts import account_edit, account_write, correction_make
from workings.record.services.decisions import decision_record, decision_view_give
from workings.record.services.disagreements import (
    disagreement_record,
    disagreement_settle,
    position_edit,
    position_write,
)
from workings.record.services.feedback import (
    feedback_answer,
    feedback_give,
    feedback_mark_satisfaction,
)
from workings.record.services.meetings import meeting_record

__all__ = [
    "account_edit",
    "account_write",
    "correction_make",
    "decision_record",
    "decision_view_give",
    "disagreement_record",
    "disagreement_settle",
    "feedback_answer",
    "feedback_give",
    "feedback_mark_satisfaction",
    "meeting_record",
    "position_edit",
    "position_write",
]
