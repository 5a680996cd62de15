"""The signed-in person's own data over the API (the same as the download on /profile/data/)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from workings.accounts import selectors
from workings.accounts.permissions import account_policy
from workings.core.exceptions import NotAllowed

router = Router(tags=["accounts"])


class SectionOut(Schema):
    key: str
    title: str
    rows: list[dict[str, Any]]


class PersonDataOut(Schema):
    format: str
    made_at: str
    account: dict[str, Any]
    sections: list[SectionOut]


@router.get("/me/data", response=PersonDataOut)
def my_data(request: HttpRequest) -> dict[str, Any]:
    """Everything Workings holds about you (the caller), as JSON."""
    if not account_policy.can_manage_profile(request.user):
        raise NotAllowed("Sign in to download your data.")
    return selectors.person_data(request.user)
