"""Matrix entries for concerns (pages and API), written by hand.

The world gets an open concern and a confidential one, both raised by the contributor, and
an anonymous one. Detail URLs use the confidential concern: only its raiser and the
funder's reviewer may reach it; the lead, researcher and observer get "not found", exactly as
for a concern that does not exist. POST bodies are empty or harmless, so nothing changes
between roles.
"""

from __future__ import annotations

from typing import Any

from tests.matrix import ALL, CONTRIBUTOR, FUNDER, MEMBERS, SIGNED_IN, Case, slug_kwargs

RAISER = frozenset({CONTRIBUTOR})
FUNDER_ONLY = frozenset({FUNDER})
# The funder's reviewer reads concerns but is not a member, so raises none.
RAISERS = MEMBERS - {FUNDER}
RAISER_AND_FUNDER = frozenset({CONTRIBUTOR, FUNDER})


def setup(world: Any) -> None:
    from tests.concerns.helpers import raise_anonymous, raise_confidential, raise_open
    from workings.concerns.selectors import anonymous_key

    world.extra["open_concern"] = raise_open(world)
    world.extra["sealed_concern"] = raise_confidential(world)
    world.extra["anonymous_concern"], world.extra["receipt_code"] = raise_anonymous(world)
    world.extra["anonymous_key"] = anonymous_key(world.project)


def _sealed(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "pk": world.extra["sealed_concern"].pk}


def _open(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "pk": world.extra["open_concern"].pk}


def _api_sealed(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "concern_id": world.extra["sealed_concern"].pk}


def _api_open(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "concern_id": world.extra["open_concern"].pk}


def _anon(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "key": world.extra["anonymous_key"]}


CASES: dict[str, Case] = {
    "concerns:list": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    # An empty form is refused with a message: still "allowed in".
    "concerns:raise": Case(get=RAISERS, post=RAISERS, kwargs=slug_kwargs),
    "concerns:detail": Case(get=RAISER_AND_FUNDER, post=None, kwargs=_sealed),
    "concerns:reply": Case(get=None, post=RAISER_AND_FUNDER, kwargs=_sealed),
    "concerns:escalate": Case(get=None, post=RAISER, kwargs=_sealed),
    "concerns:ask-team": Case(get=None, post=FUNDER_ONLY, kwargs=_open),
    "concerns:summary": Case(get=None, post=FUNDER_ONLY, kwargs=_sealed),
    "concerns:summary-answer": Case(get=None, post=RAISER, kwargs=_sealed),
    "concerns:close": Case(get=RAISER_AND_FUNDER, post=RAISER_AND_FUNDER, kwargs=_sealed),
    # Everyone signed in has an inbox; it lists only what was escalated to them.
    "concerns:inbox": Case(get=SIGNED_IN, post=None),
    # The anonymous pages need no account: anyone with the project's link.
    "concerns:anonymous-raise": Case(get=ALL, post=ALL, kwargs=_anon),
    "concerns:anonymous-follow-up": Case(get=ALL, post=ALL, kwargs=_anon),
    "api:concern_list": Case(get=MEMBERS, post=RAISERS, kwargs=slug_kwargs, json=True),
    "api:concern_create": Case(get=MEMBERS, post=RAISERS, kwargs=slug_kwargs, json=True),
    "api:concern_detail": Case(get=RAISER_AND_FUNDER, post=None, kwargs=_api_sealed, json=True),
    "api:concern_reply_create": Case(
        get=None, post=RAISER_AND_FUNDER, kwargs=_api_sealed, json=True
    ),
    "api:concern_escalate": Case(get=None, post=RAISER, kwargs=_api_sealed, json=True),
    "api:concern_ask_team": Case(get=None, post=FUNDER_ONLY, kwargs=_api_open, json=True),
    "api:concern_summary_propose": Case(get=None, post=FUNDER_ONLY, kwargs=_api_sealed, json=True),
    "api:concern_summary_answer": Case(
        get=None,
        post=RAISER,
        kwargs=_api_sealed,
        json=True,
        post_data=lambda w: {"approve": False},
    ),
    "api:concern_close": Case(
        get=None,
        post=RAISER_AND_FUNDER,
        kwargs=_api_sealed,
        json=True,
        post_data=lambda w: {"outcome": "not-an-outcome"},
    ),
    "api:concern_inbox": Case(get=SIGNED_IN, post=None, json=True),
    "api:concern_anonymous_create": Case(get=None, post=ALL, kwargs=_anon, json=True),
    "api:concern_anonymous_follow_up": Case(get=None, post=ALL, kwargs=_anon, json=True),
}
