"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "concerns.Concern",
            _("Concerns you raised under your name (anonymous ones are not linked to you)"),
            ("raised_by",),
            (
                "mode",
                "subject",
                "what_happened",
                "outcome_wanted",
                "raised_on",
                "status",
                "outcome",
                "closed_on",
            ),
        )
    )
    register_holding(
        Holding(
            "concerns.Reply",
            _("Your replies on concerns"),
            ("author",),
            ("kind", "body", "created_at"),
        )
    )
