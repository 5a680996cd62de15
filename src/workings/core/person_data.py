"""What Workings holds about a person: handed over on request, and checked to be complete.

Each app registers, at ready(), every model that points at a person (a user or one of their
memberships) with the fields that point at them and the fields to hand over. The data
download (accounts) asks every registration for the person's rows; the erasure of a person
(events/services/person.py) uses the same registrations for rows outside the log. A test
(tests/core/test_person_data.py) fails when a model points at a person and no app
registered it, so a new model cannot hold personal data without deciding what is handed over.
See docs/decisions/personal-data.md.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Q

# (person, their membership ids) -> rows already in plain JSON-ready form.
Exporter = Callable[[Any, list[int]], list[dict[str, Any]]]
# (person) -> how many rows it changed or removed. Only for rows outside the log.
Eraser = Callable[[Any], int]


@dataclass(frozen=True)
class Holding:
    label: str  # "app_label.ModelName"
    title: Any  # plain words, translatable: "Feedback you gave"
    person_fields: tuple[str, ...]  # the fields that point at the person or a membership
    export_fields: tuple[str, ...]  # what is handed over
    exporter: Exporter | None = None  # default: rows where any person field is theirs
    eraser: Eraser | None = None  # rows outside the log, erased when the person is


_HOLDINGS: dict[str, Holding] = {}


def register_holding(holding: Holding) -> None:
    _HOLDINGS[holding.label] = holding


def holdings() -> list[Holding]:
    return [_HOLDINGS[label] for label in sorted(_HOLDINGS)]


def covered_fields() -> set[tuple[str, str]]:
    return {(h.label.lower(), f) for h in _HOLDINGS.values() for f in h.person_fields}


def plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes):
        return None
    return value


def rows_pointing_at(holding: Holding, person: Any, membership_ids: Iterable[int]) -> Any:
    model = apps.get_model(holding.label)
    ids = list(membership_ids)
    condition = Q()
    for name in holding.person_fields:
        field = model._meta.get_field(name)
        target = field.related_model._meta.label_lower  # type: ignore[union-attr]
        if target == "projects.membership":
            condition |= Q(**{f"{name}__in": ids})
        else:
            condition |= Q(**{name: person.pk})
    return model._default_manager.filter(condition).order_by("pk")


def _default_export(holding: Holding, person: Any, membership_ids: list[int]) -> list[dict]:
    fields = ("pk", *holding.export_fields)
    return [
        {("id" if k == "pk" else k): plain(v) for k, v in row.items()}
        for row in rows_pointing_at(holding, person, membership_ids).values(*fields)
    ]


def export_person(person: Any, membership_ids: list[int]) -> list[dict[str, Any]]:
    """Every registered holding's rows for this person, as sections of plain data."""
    sections = []
    for holding in holdings():
        if holding.exporter is not None:
            rows = holding.exporter(person, membership_ids)
        else:
            rows = _default_export(holding, person, membership_ids)
        sections.append({"key": holding.label, "title": str(holding.title), "rows": rows})
    return sections


def erase_outside_log(person: Any) -> dict[str, int]:
    """Run every registered eraser (rows outside the log): what each changed."""
    done = {}
    for holding in holdings():
        if holding.eraser is not None:
            done[holding.label] = holding.eraser(person)
    return done
