"""E-mails queued or sent to a person (ops.OutgoingMail holds them by address, not by a link to
the account): listed in the data download and deleted when the person is erased."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, plain, register_holding


def _to_person(person: Any) -> Any:
    from workings.ops.models import OutgoingMail

    address = person.email.casefold()
    # Addresses sit in a JSON list, which SQLite cannot search inside: read the ids and lists.
    rows = OutgoingMail.objects.only("id", "recipients").iterator(chunk_size=2000)
    return [
        row.pk
        for row in rows
        if any(isinstance(r, str) and parseaddr(r)[1].casefold() == address for r in row.recipients)
    ]


def _export(person: Any, membership_ids: list[int]) -> list[dict[str, Any]]:
    from workings.ops.models import OutgoingMail

    rows = OutgoingMail.objects.filter(pk__in=_to_person(person)).order_by("pk")
    return [
        {
            "id": r.pk,
            "created_at": plain(r.created_at),
            "state": r.state,
            "sent_at": plain(r.sent_at),
        }
        for r in rows.only("id", "created_at", "state", "sent_at")
    ]


def _erase(person: Any) -> int:
    from workings.ops.models import OutgoingMail

    return OutgoingMail.objects.filter(pk__in=_to_person(person)).delete()[0]


def register() -> None:
    register_holding(
        Holding(
            "ops.OutgoingMail",
            _("E-mails sent or waiting to be sent to you"),
            (),
            (),
            exporter=_export,
            eraser=_erase,
        )
    )
