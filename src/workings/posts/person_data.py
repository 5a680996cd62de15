"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "posts.Post",
            _("Posts you wrote"),
            ("author",),
            ("title", "series", "byline", "body", "status", "publish_at", "created_at"),
        )
    )
    register_holding(
        Holding(
            "posts.Comment",
            _("Comments on posts you moderated"),
            ("moderated_by", "appeal_decided_by"),
            ("state", "reason", "note", "appeal_state", "created_at"),
        )
    )
    register_holding(
        Holding(
            "posts.Moderator",
            _("Your role as a moderator of posts"),
            ("membership", "appointed_by"),
            ("active",),
        )
    )
