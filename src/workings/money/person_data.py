"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "money.Offer",
            _("Payment offers made to you (or by you)"),
            ("person", "offered_by"),
            (
                "title",
                "activity",
                "hours",
                "preparation_hours",
                "rate",
                "currency",
                "status",
                "benefits_advice_taken",
                "public_sector_employee",
                "offered_at",
                "answered_on",
            ),
        )
    )
    register_holding(
        Holding(
            "money.Claim",
            _("Your claims and payments (or ones you approved or paid)"),
            ("person", "approved_by", "paid_by"),
            (
                "hours",
                "fee",
                "expenses_total",
                "currency",
                "note",
                "status",
                "claimed_on",
                "approved_on",
                "paid_on",
            ),
        )
    )
