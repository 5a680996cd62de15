"""Event types of the working record (codes 300-399, never reused)."""

from workings.events.types import Audience, register

MEETING_RECORDED = register(
    300, "record.meeting_recorded", "A meeting or activity was recorded", Audience.PUBLIC
)
FEEDBACK_GIVEN = register(310, "record.feedback_given", "Feedback was recorded", Audience.PUBLIC)
FEEDBACK_ANSWERED = register(
    311, "record.feedback_answered", "Feedback was answered", Audience.PUBLIC
)
FEEDBACK_SATISFACTION = register(
    312,
    "record.feedback_satisfaction",
    "A contributor said whether an answer satisfied them",
    Audience.PUBLIC,
)
DECISION_RECORDED = register(
    320, "record.decision_recorded", "A decision was recorded", Audience.PUBLIC
)
DECISION_VIEW_GIVEN = register(
    321, "record.decision_view", "A contributor gave their view", Audience.PUBLIC
)
DISAGREEMENT_RECORDED = register(
    330, "record.disagreement_recorded", "A disagreement was recorded", Audience.PUBLIC
)
POSITION_WRITTEN = register(
    331, "record.position_written", "A position was written", Audience.PUBLIC
)
POSITION_EDITED = register(
    332, "record.position_edited", "A position was edited (new version)", Audience.PUBLIC
)
DISAGREEMENT_SETTLED = register(
    333, "record.disagreement_outcome", "A disagreement's outcome", Audience.PUBLIC
)
ACCOUNT_WRITTEN = register(
    340, "record.account_written", "An own account was written", Audience.PUBLIC
)
ACCOUNT_EDITED = register(
    341, "record.account_edited", "An own account was edited (new version)", Audience.PUBLIC
)
CORRECTION_MADE = register(
    350, "record.correction_made", "A correction was recorded", Audience.PUBLIC
)
