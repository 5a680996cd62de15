"""What accounts hold about a person: the account itself (exported by the download view) and
API tokens (never their secret), and their data downloads (the files are
deleted when they expire or when the person is erased). See core/person_data.py."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from workings.core.person_data import Holding, register_holding


def _erase_tokens(person: Any) -> int:
    from workings.accounts.models import PersonalAccessToken

    return PersonalAccessToken.objects.filter(user=person).delete()[0]


def _erase_downloads(person: Any) -> int:
    from workings.accounts.export_services import data_exports_erase

    return data_exports_erase(person)


def register() -> None:
    register_holding(
        Holding(
            "accounts.DataExport",
            _("Your data downloads (when you asked, and whether each is ready)"),
            ("user",),
            ("uuid", "status", "requested_at", "finished_at", "expires_at", "size"),
            eraser=_erase_downloads,
        )
    )
    register_holding(
        Holding(
            "accounts.PersonalAccessToken",
            _("Your API access tokens (never their secret)"),
            ("user",),
            ("name", "prefix", "created_at", "last_used_on", "revoked_at"),
            eraser=_erase_tokens,
        )
    )
