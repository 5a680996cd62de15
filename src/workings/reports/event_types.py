"""Reports' event types (codes 500-599, never reused)."""

from workings.events.types import Audience, register

REPLY_OPENED = register(500, "report.reply_opened", "Right of reply opened", Audience.PUBLIC)
REPLY_ADDED = register(501, "report.reply_added", "Right-of-reply statement added", Audience.PUBLIC)
REPLY_DECLINED = register(502, "report.reply_declined", "Right of reply declined", Audience.PUBLIC)
REGISTERED = register(503, "report.registered", "Annex registered", Audience.PUBLIC)
REGISTRATION_WITHDRAWN = register(
    504, "report.registration_withdrawn", "Registration withdrawn", Audience.PUBLIC
)
NARRATIVE_SAVED = register(505, "report.narrative_saved", "GRIPP2 narrative saved", Audience.PUBLIC)
