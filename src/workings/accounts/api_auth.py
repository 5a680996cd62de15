"""API authentication and the project permission check, run before any body is parsed.

It sits in accounts (who is calling: a token or a session), below every app that has API
endpoints, and asks the project policy through core's port (core/project_access.py).

ninja authenticates before it validates input, so checking the project policy here means a
person without access gets 401/403/404, never a validation error that confirms the endpoint
works for this project."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from workings.accounts.services import token_authenticate
from workings.core.exceptions import NotAllowed, NotFound
from workings.core.project_access import project_access
from workings.core.schema import INT_MAX, INT_MIN


class TokenAuth(HttpBearer):
    """Personal access tokens from the profile page: Authorization: Bearer wk_..."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


def _identify(request: HttpRequest) -> Any:
    """The token's user, else the session's user (CSRF-checked), else None."""
    if request.headers.get("Authorization", "").lower().startswith("bearer "):
        return TokenAuth()(request)
    return SessionAuth()(request)


class OptionalAuth:
    """For public reads: a signed-out visitor is let through as AnonymousUser."""

    def __call__(self, request: HttpRequest) -> Any:
        user = _identify(request)
        if user is None and request.headers.get("Authorization"):
            return None  # a bad token is an error, not a quiet downgrade to anonymous
        return user or AnonymousUser()


class ProjectAccess:
    """Identify the person, then ask the project policy for `action` on the URL's project.
    The project is left on request.project for the endpoint."""

    def __init__(self, action: str, *, public: bool = False, getter: Any = None) -> None:
        self.action = action
        self.public = public
        # An app whose policy lets in more than the project's members (concerns: a raiser
        # who has left) passes its own getter(user, slug) -> project.
        self.getter = getter

    def __call__(self, request: HttpRequest) -> Any:
        user = _identify(request)
        if user is None:
            if request.headers.get("Authorization") or not self.public:
                return None
            user = AnonymousUser()
        kwargs = request.resolver_match.kwargs if request.resolver_match else {}
        slug = kwargs.get("slug")
        for name, value in kwargs.items():
            # An id no database could hold (2**70) is simply not there.
            if name != "slug" and str(value).lstrip("-").isdigit():
                if not INT_MIN <= int(value) <= INT_MAX:
                    raise NotFound(_("We could not find that. Check the number in the address."))
        if slug is None:
            raise NotAllowed(_("This endpoint needs a project."))
        request.project = (  # type: ignore[attr-defined]
            self.getter(user, slug)
            if self.getter
            else project_access().get_for(user, slug, self.action)
        )
        return user


def project_auth(action: str, *, public: bool = False, getter: Any = None) -> list[Any]:
    return [ProjectAccess(action, public=public, getter=getter)]


# Token first (no CSRF for scripts), then the browser session (CSRF-checked by ninja).
api_auth = [TokenAuth(), SessionAuth()]
public_auth = [OptionalAuth()]
