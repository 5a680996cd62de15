"""Agreement events, codes 200-299. Codes are never reused."""

from workings.events.types import Audience, register

DRAFT_STARTED = register(
    200, "agreement.draft_started", "An agreement draft was started", Audience.PUBLIC
)
DRAFT_SAVED = register(
    201, "agreement.draft_saved", "The agreement draft was saved", Audience.PUBLIC
)
AMENDMENT_STARTED = register(
    202,
    "agreement.amendment_started",
    "An amendment to the agreement in force was started",
    Audience.PUBLIC,
)
VERSION_PROPOSED = register(
    203,
    "agreement.version_proposed",
    "An agreement version was proposed for signing",
    Audience.PUBLIC,
)
COMMENT_ADDED = register(
    204, "agreement.comment_added", "Someone commented on the agreement", Audience.PUBLIC
)
SIGNED = register(205, "agreement.signed", "A party answered the agreement", Audience.PUBLIC)
IN_FORCE = register(
    206, "agreement.in_force", "An agreement version came into force", Audience.PUBLIC
)
