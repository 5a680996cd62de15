"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "agreements.AgreementVersion",
            _("Agreement versions you drafted or proposed"),
            ("created_by", "updated_by", "proposed_by"),
            ("project__slug", "number", "status", "created_at", "proposed_at"),
        )
    )
    register_holding(
        Holding(
            "agreements.AgreementComment",
            _("Your comments on agreements"),
            ("author",),
            ("section", "body", "created_at"),
        )
    )
    register_holding(
        Holding(
            "agreements.AgreementSignature",
            _("Your answers to agreements (signatures)"),
            ("party", "membership"),
            ("answer", "words", "signed_at"),
        )
    )
