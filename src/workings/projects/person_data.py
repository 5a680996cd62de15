"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "projects.Membership",
            _("Your memberships of projects (and members you removed)"),
            ("user", "removed_by"),
            (
                "project__slug",
                "role",
                "display_name",
                "credit",
                "joined_at",
                "left_at",
                "left_reason",
                "left_reason_public",
            ),
        )
    )
    register_holding(
        Holding(
            "projects.Invitation",
            _("Invitations you sent"),
            ("invited_by",),
            ("project__slug", "role", "message", "status", "created_at", "answered_at"),
        )
    )
