from __future__ import annotations

from django.db.models import QuerySet

from workings.accounts.models import PersonalAccessToken, User


def token_list(*, user: User) -> QuerySet[PersonalAccessToken]:
    return PersonalAccessToken.objects.filter(user=user).order_by("-created_at")
