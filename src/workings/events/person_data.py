"""What this app holds about a person: handed over in the data download and checked
for completeness (core/person_data.py, docs/decisions/personal-data.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def register() -> None:
    register_holding(
        Holding(
            "events.Entry",
            _(
                "Entries of the record you made (their numbers and types; your words are in "
                "the other sections)"
            ),
            ("actor",),
            ("log__project__slug", "seq", "type", "recorded_at", "sealed"),
        )
    )
    register_holding(
        Holding(
            "events.WitnessedCheckpoint",
            _("Checkpoints you witnessed"),
            ("witness",),
            ("log__project__slug", "size", "root", "seen_at", "consistent", "alarm"),
        )
    )
    register_holding(
        Holding(
            "events.HiddenEntry",
            _("Entries you hid from view"),
            ("hidden_by",),
            ("entry__seq", "category", "reason", "hidden_at", "shown_at"),
        )
    )
