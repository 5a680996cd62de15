from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from workings.accounts.models import PersonalAccessToken, User


def token_list(*, user: User) -> QuerySet[PersonalAccessToken]:
    return PersonalAccessToken.objects.filter(user=user).order_by("-created_at")


def person_data(user: Any) -> dict[str, Any]:
    """Everything Workings holds about this person, as plain data (the data download)."""
    from django.utils import timezone

    from workings.core.person_data import export_person, plain

    membership_ids = list(user.memberships.values_list("pk", flat=True))
    account = {
        "email": user.email,
        "display_name": user.display_name,
        "date_joined": plain(user.date_joined),
        "last_login": plain(user.last_login),
        "preferences": {
            "larger_text": user.pref_larger_text,
            "high_contrast": user.pref_high_contrast,
            "reduced_motion": user.pref_reduced_motion,
        },
    }
    return {
        "format": "workings-person-data/1",
        "made_at": timezone.now().isoformat(),
        "account": account,
        "sections": export_person(user, membership_ids),
    }
