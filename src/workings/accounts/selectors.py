from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from workings.accounts.models import DataExport, PersonalAccessToken, User


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


def data_exports_of(*, user: Any, limit: int = 10) -> list[DataExport]:
    """The person's latest data downloads, newest first (their own only)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(DataExport.objects.filter(user=user)[:limit])


def data_export_for(*, user: Any, uuid: Any) -> DataExport | None:
    """One of the person's own data downloads, or None (someone else's is never found,
    whoever asks: another person, a lead, a site administrator)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return DataExport.objects.filter(user=user, uuid=uuid).first()
    except (ValueError, ValidationError):
        return None


def data_export_file(export: DataExport) -> Any:
    """The ready download's file, opened for reading, or None (not ready, expired, gone)."""
    from django.core.files.storage import default_storage

    from workings.core import clock

    if export.status != DataExport.Status.READY or not export.file_name:
        return None
    if export.expires_at is not None and export.expires_at <= clock.now():
        return None
    try:
        return default_storage.open(export.file_name, "rb")
    except (FileNotFoundError, OSError):
        return None
