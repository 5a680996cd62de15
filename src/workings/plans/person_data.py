"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "plans.Milestone",
            _("Milestones you own"),
            ("owner",),
            ("kind", "title", "description", "due_on", "status", "progress", "done_on"),
        )
    )
    register_holding(
        Holding(
            "plans.Evidence",
            _("Evidence you added to milestones"),
            ("added_by",),
            ("kind", "ref", "note", "created_at"),
        )
    )
    register_holding(
        Holding(
            "plans.Training",
            _("Training and support given to you (or that you recorded)"),
            ("person", "recorded_by"),
            ("kind", "what", "given_on", "given_by", "hours", "created_at"),
        )
    )
    register_holding(
        Holding(
            "plans.Minutes",
            _("Minutes of meetings you wrote"),
            ("written_by",),
            ("title", "met_on", "draft", "comments_until", "status", "final", "change_note"),
        )
    )
    register_holding(
        Holding(
            "plans.MinutesComment",
            _("Your comments on draft minutes"),
            ("author",),
            ("body", "created_at"),
        )
    )
