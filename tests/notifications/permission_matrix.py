"""Matrix entries for notices and e-mail choices: each signed-in person sees only their own."""

from __future__ import annotations

from tests.matrix import SIGNED_IN, Case

CASES: dict[str, Case] = {
    # Each person's own home page: what needs them across their projects.
    "notifications:home": Case(get=SIGNED_IN, post=None),
    "notifications:list": Case(get=SIGNED_IN, post=None),
    "notifications:read": Case(get=None, post=SIGNED_IN),
    # Without a project the choice is refused with a message (400): still "allowed in".
    "notifications:preferences": Case(get=SIGNED_IN, post=SIGNED_IN),
    "api:notification_list": Case(get=SIGNED_IN, post=None, json=True),
    "api:notification_read": Case(get=None, post=SIGNED_IN, json=True),
    "api:notification_preferences": Case(
        get=SIGNED_IN, post=None, json=True, other={"PUT": SIGNED_IN}
    ),
    "api:notification_preference_set": Case(
        get=SIGNED_IN, post=None, json=True, other={"PUT": SIGNED_IN}
    ),
}
