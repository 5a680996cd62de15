"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "publishing.Consent",
            _("Your choices about publishing your entries"),
            ("user",),
            ("type", "seq", "publish"),
        )
    )
    register_holding(
        Holding(
            "publishing.ConsentRequest",
            _("Requests to publish one entry: those asked of you, and those you made"),
            ("author", "requested_by"),
            ("seq", "note", "status", "publish", "created_at", "answered_at"),
        )
    )
    register_holding(
        Holding(
            "publishing.Moderator",
            _("Your role as a moderator of public comments"),
            ("user",),
            ("active",),
        )
    )
    register_holding(
        Holding(
            "publishing.Comment",
            _("Public comments you moderated"),
            ("moderated_by",),
            ("status", "category", "appeal_status", "created_at"),
        )
    )
