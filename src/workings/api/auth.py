from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from workings.accounts.services import token_authenticate


class TokenAuth(HttpBearer):
    """Personal access tokens from the profile page: Authorization: Bearer wk_..."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class OptionalAuth(SessionAuth):
    """For public reads: a signed-out visitor gets AnonymousUser instead of 401."""

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("bearer "):
            return TokenAuth()(request)
        user = super().__call__(request)
        return user or request.user


# Token first (no CSRF for scripts), then the browser session (CSRF-checked by ninja).
api_auth = [TokenAuth(), SessionAuth()]
public_auth = [OptionalAuth()]
