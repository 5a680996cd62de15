"""Funder events in a project's log: codes 600-649, never reused. Each declares its audience.
Which organisation funds a project is public; who reviews for it is for the project's members
(a reviewer's name is theirs to give, not the public's to collect)."""

from workings.events.types import Audience, register

FUNDER_NAMED = register(
    600, "funder.named", "The project named its funder organisation", Audience.PUBLIC
)
FUNDER_CONFIRMED = register(
    601, "funder.confirmed", "The funder organisation confirmed it", Audience.PUBLIC
)
FUNDER_DECLINED = register(
    602, "funder.declined", "The funder organisation declined", Audience.PUBLIC
)
FUNDER_WITHDRAWN = register(
    603, "funder.withdrawn", "The project withdrew a funder it named", Audience.PUBLIC
)
FUNDER_REPLACED = register(
    604, "funder.replaced", "Another funder organisation took over", Audience.PUBLIC
)
REVIEWER_APPOINTED = register(
    610, "funder.reviewer_appointed", "The funder appointed a reviewer", Audience.MEMBERS
)
REVIEWER_ENDED = register(
    611, "funder.reviewer_ended", "A funder reviewer's appointment ended", Audience.MEMBERS
)
# Appended sealed: its header says only "sealed" and the day.
SEALED_READ = register(620, "sealed.read", "Someone read sealed content", Audience.SEALED)
