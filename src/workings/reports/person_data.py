"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "reports.ReplyRound",
            _("Reply rounds you opened"),
            ("opened_by",),
            ("purpose", "opened_on", "closes_on"),
        )
    )
    register_holding(
        Holding(
            "reports.ReplyAnswer",
            _("Your replies to reports"),
            ("user",),
            ("kind", "statement", "answered_at"),
        )
    )
    register_holding(
        Holding(
            "reports.Registration",
            _("Reports you registered or withdrew"),
            ("registered_by", "withdrawn_by"),
            ("title", "audience", "registered_at", "withdrawn_at", "withdrawn_reason"),
        )
    )
    register_holding(
        Holding(
            "reports.NarrativeVersion",
            _("Report narratives you wrote"),
            ("author",),
            ("number", "text", "saved_at"),
        )
    )
    register_holding(
        Holding(
            "reports.AnnexFile",
            _("Report files you asked for"),
            ("requested_by",),
            ("audience", "fmt", "status", "created_at"),
        )
    )
