"""Concern events: codes 400-479, never reused. Sealed concerns' events are appended with
sealed=True, so their visible header says only "sealed" and the day."""

from workings.events.types import register

CONCERN_RAISED = register(400, "concern.raised", "A concern was raised")
CONCERN_REPLIED = register(401, "concern.replied", "A reply was added to a concern")
CONCERN_ESCALATED = register(402, "concern.escalated", "A concern moved to its next stage")
CONCERN_TEAM_ASKED = register(403, "concern.team_asked", "The team was asked to respond")
CONCERN_SUMMARY_PROPOSED = register(
    404, "concern.summary_proposed", "A summary for the team was proposed"
)
CONCERN_SUMMARY_ANSWERED = register(
    405, "concern.summary_answered", "The raiser answered the proposed summary"
)
CONCERN_CLOSED = register(406, "concern.closed", "A concern was closed")
CONCERN_RAISER_PROTECTED = register(
    407, "concern.raiser_protected", "A change to a concern raiser's membership was flagged"
)
