"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "funders.Appointment",
            _("Your appointments as a funder's reviewer (and ones you made or ended)"),
            ("user", "appointed_by", "ended_by"),
            ("organisation__name", "kind", "started_at", "ended_at", "end_reason"),
        )
    )
    register_holding(
        Holding(
            "funders.ProjectFunder",
            _("Funders you named or answered for a project"),
            ("named_by", "answered_by"),
            ("project__slug", "status", "named_at", "answered_at", "ended_at"),
        )
    )
    register_holding(
        Holding(
            "funders.SealedRead",
            _("Sealed concerns you read as a reviewer"),
            ("reader",),
            ("concern_id", "day", "first_read_at", "via"),
        )
    )
