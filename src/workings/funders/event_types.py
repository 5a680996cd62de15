"""Funder events in a project's log: codes 600-649, never reused."""

from workings.events.types import register

FUNDER_NAMED = register(600, "funder.named", "The project named its funder organisation")
FUNDER_CONFIRMED = register(601, "funder.confirmed", "The funder organisation confirmed it")
FUNDER_DECLINED = register(602, "funder.declined", "The funder organisation declined")
FUNDER_WITHDRAWN = register(603, "funder.withdrawn", "The project withdrew a funder it named")
FUNDER_REPLACED = register(604, "funder.replaced", "Another funder organisation took over")
REVIEWER_APPOINTED = register(610, "funder.reviewer_appointed", "The funder appointed a reviewer")
REVIEWER_ENDED = register(611, "funder.reviewer_ended", "A funder reviewer's appointment ended")
# Appended sealed: its header says only "sealed" and the day.
SEALED_READ = register(620, "sealed.read", "Someone read sealed content")
