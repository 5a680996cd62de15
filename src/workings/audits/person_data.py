"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "audits.Audit",
            _("Audits you asked for or signed"),
            ("requested_by", "signed_by"),
            ("number", "kind", "opened_on", "status", "signed_on", "statement"),
        )
    )
    register_holding(
        Holding(
            "audits.SelfAssessment",
            _("Your self-assessments in audits"),
            ("membership",),
            ("side", "anonymous", "ratings", "created_at"),
        )
    )
    register_holding(
        Holding(
            "audits.Finding",
            _("Audit findings you wrote"),
            ("written_by",),
            ("standard", "text", "created_at"),
        )
    )
