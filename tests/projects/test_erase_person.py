"""Erasing a person on a data-protection request: their words, name and address are gone
from every page and download, and every project still verifies."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from workings.accounts.models import User
from workings.core.exceptions import NotAllowed
from workings.events.models import EntryContent
from workings.projects.erase_person import person_erase

pytestmark = pytest.mark.django_db


def _admin() -> User:
    return User.objects.create_user("dpo@example.org", "pw-unused-123", is_staff=True)


def _verify(slug: str) -> str:
    out = io.StringIO()
    call_command("verify", "--project", slug, stdout=out)
    return out.getvalue()


def test_a_person_is_erased_and_every_project_still_verifies(demo_once: Any) -> None:
    ctx = demo_once
    person = ctx.people["contributor1"]
    email, name = person.email, person.display_name
    from django.core.files.storage import default_storage

    from workings.accounts.export_services import data_export_request

    download, _ = data_export_request(actor=person)  # a file the worker made (at once, here)
    with default_storage.open(download.file_name) as file:
        assert email.encode() in file.read()
    written = list(
        EntryContent.objects.filter(entry__actor=person, entry__sealed=False).values_list(
            "entry_id", flat=True
        )
    )
    assert written
    from workings.ops.models import OutgoingMail

    OutgoingMail.objects.create(sender="x@example.org", recipients=[f"Pat <{email}>"], message=b"")
    kept = OutgoingMail.objects.create(
        sender="x@example.org", recipients=["someone.else@example.org"], message=b""
    )
    out = io.StringIO()
    call_command(
        "erase-person",
        email,
        "--reason",
        "Asked by letter, 3 Nov",
        "--by",
        _admin().email,
        stdout=out,
    )
    assert "The account can no longer sign in" in out.getvalue()
    person.refresh_from_db()
    assert person.email.endswith("@erased.invalid") and not person.is_active
    assert list(OutgoingMail.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not person.has_usable_password()
    assert not default_storage.exists(download.file_name)
    assert not person.data_exports.exists()
    assert not EntryContent.objects.filter(entry_id__in=written, erased_at__isnull=True).exists()
    for slug in {m.project.slug for m in person.memberships.all()}:
        _verify(slug)  # raises CommandError when the record does not verify
    # Their name is nowhere on the project's record page any more.
    lead = Client()
    lead.force_login(ctx.people["lead"])
    page = lead.get(f"/projects/{ctx.projects['stride'].slug}/record/").content.decode()
    assert email not in page
    if name:
        assert name not in page


def test_only_a_site_administrator_erases_a_person(demo_once: Any) -> None:
    ctx = demo_once
    with pytest.raises(NotAllowed):
        person_erase(actor=ctx.people["lead"], person=ctx.people["contributor1"], reason="x")


def test_unknown_people_and_missing_reasons_are_plain_errors() -> None:
    admin = _admin()
    with pytest.raises(CommandError, match="no account"):
        call_command("erase-person", "nobody@example.org", "--reason", "r", "--by", admin.email)
    person = User.objects.create_user("pat@example.org", "pw-unused-123")
    with pytest.raises(CommandError, match="data-protection request is"):
        call_command("erase-person", person.email, "--reason", "  ", "--by", admin.email)
    person.refresh_from_db()
    assert person.email == "pat@example.org" and person.is_active
