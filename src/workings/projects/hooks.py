"""What the apps above projects do when a lead changes someone's membership.

The projects service calls ``membership_changed`` inside its transaction before it removes a
member or changes their role; apps register a listener from their AppConfig.ready() (the
concerns app: a member with a concern open is protected by a sealed entry to the funder's
reviewers). Projects never imports those apps. A listener must not refuse the change or alter
what the lead is told: what it does is its own business (and may be sealed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# listener(actor=, project=, membership=, change=, reason=)
MembershipListener = Callable[..., None]

_listeners: list[MembershipListener] = []


def on_membership_change(listener: MembershipListener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def membership_changed(
    *, actor: Any, project: Any, membership: Any, change: str, reason: str
) -> None:
    for listener in _listeners:
        listener(actor=actor, project=project, membership=membership, change=change, reason=reason)
