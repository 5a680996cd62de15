"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "verification.VerificationRequest",
            _("Verification requests you made"),
            ("created_by",),
            ("title", "deadline", "status", "created_at", "sent_on", "closed_on"),
        )
    )
    register_holding(
        Holding(
            "verification.Recipient",
            _("Verification requests sent to you"),
            ("user",),
            ("request__title", "former", "answered", "reminded_on"),
        )
    )
    register_holding(
        Holding(
            "verification.Response",
            _("Your answers to verification requests (the claims and your answers)"),
            ("person",),
            ("request__title", "answers__claim__text", "answers__choice", "answers__comment"),
        )
    )
