"""How long a signed-in session lasts, and signing out everywhere.

A session ends after ``WORKINGS_SESSION_IDLE_MINUTES`` without a request (default 120) and,
whatever happens, ``WORKINGS_SESSION_MAX_HOURS`` after signing in (default 24); see
docs/decisions/sessions-and-two-factor.md for why these numbers. "Sign out everywhere"
raises the person's ``sessions_epoch``: every session stamped with an older epoch is
ended at its next request, on any server, with no scan of the session table.

The last-seen time is written at most once a minute so that reading pages does not turn
every request into a session write.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

STARTED = "workings_started"
SEEN = "workings_seen"
EPOCH = "workings_epoch"
SEEN_RESOLUTION = 60  # seconds


def idle_seconds() -> int:
    return int(getattr(settings, "WORKINGS_SESSION_IDLE_MINUTES", 120)) * 60


def max_seconds() -> int:
    return int(getattr(settings, "WORKINGS_SESSION_MAX_HOURS", 24)) * 3600


@receiver(user_logged_in)
def _stamp(sender: object, request: HttpRequest | None, user: object, **kwargs: object) -> None:
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[STARTED] = now
    request.session[SEEN] = now
    request.session[EPOCH] = getattr(user, "sessions_epoch", 0)


def session_expired(session: dict[str, object], epoch: int, now: int) -> str | None:
    """Why this session must end now, or None. Pure, so the rules are tested directly."""
    started = session.get(STARTED)
    seen = session.get(SEEN)
    if not isinstance(started, int) or not isinstance(seen, int):
        return None  # a session from before this rule: stamped on its next request
    if session.get(EPOCH, 0) != epoch:
        return "everywhere"
    if now - seen > idle_seconds():
        return "idle"
    if now - started > max_seconds():
        return "too_long"
    return None


REASONS = {
    "everywhere": gettext_lazy(
        "You were signed out because someone (probably you) chose “Sign out everywhere”. "
        "Please sign in again."
    ),
    "idle": gettext_lazy(
        "You were signed out because nothing happened for a while. Please sign in again."
    ),
    "too_long": gettext_lazy(
        "You were signed out because you had been signed in for a long time. Please sign in again."
    ),
}


class SessionGuardMiddleware:
    """Ends sessions that are idle, too old, or signed out everywhere."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        # Token (API) requests carry no session; only session sign-ins are guarded here.
        if user is not None and user.is_authenticated and BACKEND_SESSION_KEY in request.session:
            now = int(time.time())
            session = request.session
            if STARTED not in session:
                session[STARTED] = now
                session[SEEN] = now
                session[EPOCH] = user.sessions_epoch
            reason = session_expired(dict(session.items()), user.sessions_epoch, now)
            if reason is not None:
                logout(request)
                messages.info(request, REASONS[reason])
                return redirect_to_login(request.get_full_path())
            seen = session.get(SEEN)
            if isinstance(seen, int) and now - seen >= SEEN_RESOLUTION:
                session[SEEN] = now
        return self.get_response(request)
