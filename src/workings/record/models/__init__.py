"""The working record: one timeline spine (Item) and a table per kind of entry."""

from workings.record.models.accounts import AccountVersion
from workings.record.models.decisions import Decision, DecisionView
from workings.record.models.disagreements import Disagreement, Position, PositionVersion
from workings.record.models.feedback import Feedback
from workings.record.models.items import Item, ItemPerson, Kind
from workings.record.models.meetings import Attachment, Meeting

__all__ = [
    "AccountVersion",
    "Attachment",
    "Decision",
    "DecisionView",
    "Disagreement",
    "Feedback",
    "Item",
    "ItemPerson",
    "Kind",
    "Meeting",
    "Position",
    "PositionVersion",
]
