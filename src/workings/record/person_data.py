"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "record.Item",
            _("What you wrote in the working record"),
            ("author", "author_membership"),
            ("kind", "area", "occurred_on", "created_at", "title", "body"),
        )
    )
    register_holding(
        Holding(
            "record.ItemPerson",
            _("Record entries that name you (such as meetings you attended)"),
            ("membership",),
            ("item__title", "item__occurred_on"),
        )
    )
    register_holding(
        Holding(
            "record.DecisionView",
            _("Your views on decisions"),
            ("membership",),
            ("stance", "words", "created_at"),
        )
    )
    register_holding(
        Holding(
            "record.Disagreement",
            _("Disagreements whose outcome you recorded"),
            ("outcome_by",),
            ("outcome", "outcome_text", "outcome_at"),
        )
    )
    register_holding(
        Holding(
            "record.Position",
            _("Your positions in disagreements"),
            ("author_membership",),
            ("side", "text", "version", "created_at", "updated_at"),
        )
    )
    register_holding(
        Holding(
            "record.Feedback",
            _("Feedback you answered"),
            ("answered_by",),
            ("outcome", "what_done", "why", "answered_at"),
        )
    )
