"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "documents.Document",
            _("Documents you started"),
            ("created_by",),
            ("kind", "title", "created_at"),
        )
    )
    register_holding(
        Holding(
            "documents.Version",
            _("Document versions you wrote"),
            ("author",),
            ("number", "text", "note", "created_at"),
        )
    )
    register_holding(
        Holding(
            "documents.Approval",
            _("Your approvals of document versions"),
            ("user",),
            ("kind", "created_at"),
        )
    )
    register_holding(
        Holding("documents.Dissent", _("Your dissent notes"), ("user",), ("text", "created_at"))
    )
    register_holding(
        Holding(
            "documents.Suggestion",
            _("Suggestions you made or decided"),
            ("author", "decided_by"),
            ("original", "replacement", "status", "created_at"),
        )
    )
    register_holding(
        Holding(
            "documents.Submission",
            _("Documents you recorded as submitted"),
            ("submitted_by",),
            ("submitted_on", "application", "created_at"),
        )
    )
