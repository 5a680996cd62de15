"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def _erase_notices(person: Any) -> int:
    """Notices are copies of what the record says: deleted, not kept."""
    from workings.accounts import header
    from workings.notifications.models import Notification

    header.bump([person.pk])
    return Notification.objects.filter(user=person).delete()[0]


def _erase_preferences(person: Any) -> int:
    """Preferences only serve the person."""
    from workings.notifications.models import Preference

    return Preference.objects.filter(user=person).delete()[0]


def register() -> None:
    register_holding(
        Holding(
            "notifications.Notification",
            _("Notices sent to you"),
            ("user",),
            ("kind", "title", "url", "created_at", "read_at"),
            eraser=_erase_notices,
        )
    )
    register_holding(
        Holding(
            "notifications.Preference",
            _("Your e-mail preferences for notices"),
            ("user",),
            ("mode",),
            eraser=_erase_preferences,
        )
    )
