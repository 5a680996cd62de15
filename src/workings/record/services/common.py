"""Checks and helpers shared by the record services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.core.vocab import ResearchArea
from workings.projects.models import Membership, Project
from workings.record.models import Item, ItemPerson
from workings.record.permissions import record_policy

TITLE_MAX = 200
TEXT_MAX = 5000
LONG_TEXT_MAX = 20000


def choice(value: Any, choices: Any, *, field: str, label: str, blank: bool = False) -> str:
    value = str(value or "").strip()
    if blank and not value:
        return ""
    if value not in choices.values:
        options = ", ".join(str(lbl).lower() for lbl in choices.labels)
        raise ValidationFailed(
            _("%(label)s must be one of: %(options)s.") % {"label": label, "options": options},
            field=field,
        )
    return value


def area(value: Any, *, required_: bool = True) -> str:
    return choice(value, ResearchArea, field="area", label=_("Research area"), blank=not required_)


def past_date(value: Any, *, field: str = "occurred_on", label: str = "Date") -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value))
        except (TypeError, ValueError):
            raise ValidationFailed(
                _("%(label)s must be a date, like 2026-03-31.") % {"label": label}, field=field
            ) from None
    if value > clock.today():
        raise ValidationFailed(
            _("%(label)s is in the future (%(date)s). Record things once they have happened.")
            % {"label": label, "date": date_format(value, "d F Y")},
            field=field,
        )
    if value.year < 1990:
        raise ValidationFailed(
            _("%(label)s is too far in the past.") % {"label": label}, field=field
        )
    return value


def author_membership(actor: Any, project: Project) -> Membership:
    membership = record_policy.membership_of(actor, project)
    if membership is None:
        raise NotAllowed(_("Only current members of this project can write in its record."))
    return membership


def members_by_id(
    project: Project, ids: Iterable[Any], *, on: dt.date, field: str, label: str
) -> list[Membership]:
    """Members of this project (current, or who left after `on`) for each id, or a refusal."""
    wanted: list[int] = []
    for raw in ids:
        try:
            wanted.append(int(getattr(raw, "pk", raw)))
        except (TypeError, ValueError):
            raise ValidationFailed(
                _("%(label)s: choose people from the member list.") % {"label": label}, field=field
            ) from None
    found = {
        m.pk: m
        for m in Membership.objects.filter(project=project, pk__in=wanted).select_related("user")
    }
    for pk in wanted:
        member = found.get(pk)
        if member is None:
            raise ValidationFailed(
                _("%(label)s: one of the people chosen is not a member of this project.")
                % {"label": label},
                field=field,
            )
        if member.left_at is not None and member.left_at.date() < on:
            raise ValidationFailed(
                _("%(label)s: %(label2)s had left the project before that date.")
                % {"label": label, "label2": member.label},
                field=field,
            )
    return [found[pk] for pk in dict.fromkeys(wanted)]


def new_item(
    *,
    project: Project,
    kind: str,
    actor: Any,
    membership: Membership,
    title: str,
    body: str = "",
    occurred_on: dt.date | None = None,
    area: str = "",
    people: Iterable[Membership] = (),
    **extra: Any,
) -> Item:
    item = Item(
        project=project,
        kind=kind,
        area=area,
        occurred_on=occurred_on or clock.today(),
        created_at=clock.now(),
        author=actor,
        author_membership=membership,
        title=title,
        body=body,
        **extra,
    )
    item.save()
    everyone = {membership.pk, *(m.pk for m in people)}
    ItemPerson.objects.bulk_create([ItemPerson(item=item, membership_id=pk) for pk in everyone])
    return item


def locked_item(
    project: Project,
    item_id: int,
    kind: str,
    *,
    noun: str,
    field: str,
    related: tuple[str, ...] = (),
) -> Item:
    """One entry of the given kind in this project, row-locked for the write. Only the
    entry's own row is locked (FOR UPDATE OF): PostgreSQL refuses to lock the nullable side
    of the outer joins that fetch its details."""
    item = (
        Item.objects.select_for_update(of=("self",))
        .select_related("project", *related)
        .filter(project=project, pk=item_id, kind=kind)
        .first()
    )
    if item is None:
        raise ValidationFailed(
            _("There is no such %(noun)s in this project.") % {"noun": noun}, field=field
        )
    return item
