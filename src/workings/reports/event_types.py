"""Reports' event types (codes 500-599, never reused)."""

from workings.events.types import register

REPLY_OPENED = register(500, "report.reply_opened", "Right of reply opened")
REPLY_ADDED = register(501, "report.reply_added", "Right-of-reply statement added")
REPLY_DECLINED = register(502, "report.reply_declined", "Right of reply declined")
REGISTERED = register(503, "report.registered", "Annex registered")
REGISTRATION_WITHDRAWN = register(504, "report.registration_withdrawn", "Registration withdrawn")
NARRATIVE_SAVED = register(505, "report.narrative_saved", "GRIPP2 narrative saved")
