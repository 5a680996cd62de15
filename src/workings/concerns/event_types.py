"""Concern events: codes 400-479, never reused. Sealed concerns' events are appended with
sealed=True, so their visible header says only "sealed" and the day. An open concern's
events are for the project's members only: the public record counts closed concerns and
never shows a raiser."""

from workings.events.types import Audience, register

CONCERN_RAISED = register(400, "concern.raised", "A concern was raised", Audience.MEMBERS)
CONCERN_REPLIED = register(
    401, "concern.replied", "A reply was added to a concern", Audience.MEMBERS
)
CONCERN_ESCALATED = register(
    402, "concern.escalated", "A concern moved to its next stage", Audience.MEMBERS
)
CONCERN_TEAM_ASKED = register(
    403, "concern.team_asked", "The team was asked to respond", Audience.MEMBERS
)
CONCERN_SUMMARY_PROPOSED = register(
    404, "concern.summary_proposed", "A summary for the team was proposed", Audience.MEMBERS
)
CONCERN_SUMMARY_ANSWERED = register(
    405, "concern.summary_answered", "The raiser answered the proposed summary", Audience.MEMBERS
)
CONCERN_CLOSED = register(406, "concern.closed", "A concern was closed", Audience.MEMBERS)
CONCERN_RAISER_PROTECTED = register(
    407,
    "concern.raiser_protected",
    "A change to a concern raiser's membership was flagged",
    Audience.MEMBERS,
)
