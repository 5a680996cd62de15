"""One e-mail rule everywhere (internationalised addresses valid), e-mail subjects that no
text can break, SMTPUTF8 for internationalised recipients, and a sign-up that costs the same
whether or not the address already has an account."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import Client

from tests.core.email_corpus import INVALID, VALID
from tests.factories import add_member, make_project, make_user
from workings.core.email import (
    SMTPUTF8EmailBackend,
    email_address,
    email_subject,
    validate_email_address,
)
from workings.core.exceptions import ValidationFailed
from workings.projects import services as ps

pytestmark = pytest.mark.django_db
PASSWORD = "a fine long passphrase"


def _signup(client: Client, email: str) -> Any:
    return client.post(
        "/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "display_name": "New"},
    )


@pytest.mark.parametrize("address", VALID)
def test_valid_addresses_are_valid_everywhere(address: str) -> None:
    assert email_address(address)
    validate_email_address(address)
    lead = make_user("lead@example.org")
    project = make_project(lead)
    invitation, _ = ps.invitation_create(
        actor=lead, project=project, email=address, role="contributor"
    )
    response = _signup(Client(), address)
    assert response.status_code == 302, response.content.decode()[:3000]
    from workings.accounts.models import User

    assert User.objects.filter(email__iexact=invitation.email).exists()


@pytest.mark.parametrize("address", INVALID)
def test_invalid_addresses_are_refused_everywhere_in_plain_english(address: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        email_address(address)
    assert caught.value.message and "\x00" not in caught.value.message
    lead = make_user("lead@example.org")
    with pytest.raises(ValidationFailed):
        ps.invitation_create(
            actor=lead, project=make_project(lead), email=address, role="contributor"
        )
    if "\ud800" in address:
        return  # a browser cannot send half a character in a form; the API test covers it
    response = _signup(Client(), address)
    assert response.status_code == 200  # the form again, with the problem explained
    assert "errorlist" in response.content.decode() or "error" in response.content.decode()


def test_sign_up_does_the_same_costly_work_for_a_taken_address() -> None:
    make_user("taken@example.org")
    calls: list[str] = []
    original = MD5PasswordHasher.encode

    def counting(self: Any, password: str, salt: str) -> str:
        calls.append(password)
        return original(self, password, salt)

    with mock.patch.object(MD5PasswordHasher, "encode", counting):
        _signup(Client(), "fresh@example.org")
        new_account = len(calls)
        calls.clear()
        response = _signup(Client(), "taken@example.org")
        taken = len(calls)
    assert response.status_code == 302
    assert new_account >= 1 and taken == new_account


def test_subjects_never_break_a_header() -> None:
    subject = email_subject("Late\r\nBcc: everyone@example.org\x00 \ud800" + "x" * 500)
    assert "\n" not in subject and "\r" not in subject and "\x00" not in subject
    assert subject.startswith("Workings: Late Bcc:") and len(subject) <= 150
    subject.encode("utf-8")  # no lone surrogate left


def test_send_reminders_survives_a_title_with_a_line_break(world: Any) -> None:
    """A row written before titles were kept to one line must not stop the reminders."""
    import datetime as dt

    from tests.record import helpers as h
    from workings.core.clock import frozen_at
    from workings.notifications.reminders import reminders_send
    from workings.record.models.items import Item

    item = h.feedback(world)
    Item.objects.filter(pk=item.pk).update(title="Old\r\nBcc: everyone@example.org")
    mail.outbox.clear()
    with frozen_at(dt.datetime.combine(item.due_on, dt.time(9), dt.UTC) + dt.timedelta(days=3)):
        counts = reminders_send()
    assert counts["feedback_overdue"] >= 1
    sent = [m for m in mail.outbox if "Old Bcc" in m.subject]
    assert sent and all("\n" not in m.subject for m in sent)


class FakeSMTP:
    def __init__(self, extensions: set[str]) -> None:
        self.extensions = extensions
        self.sent: list[tuple[str, list[str], dict[str, Any]]] = []

    def ehlo_or_helo_if_needed(self) -> None:
        pass

    def has_extn(self, name: str) -> bool:
        return name.lower() in self.extensions

    def sendmail(self, from_addr: str, to: list[str], msg: bytes, **kw: Any) -> dict[str, Any]:
        self.sent.append((from_addr, to, kw))
        return {}


@pytest.mark.parametrize("offered", [True, False])
def test_international_recipients_go_by_smtputf8_when_offered(offered: bool) -> None:
    backend = SMTPUTF8EmailBackend(host="localhost", port=25)
    fake = FakeSMTP({"smtputf8"} if offered else set())
    backend.connection = fake  # type: ignore[assignment]
    message = mail.EmailMessage("Hello", "Body", "no-reply@example.org", ["用户@例子.广告"])
    assert backend.send_messages([message]) == 1
    _, to, options = fake.sent[0]
    if offered:
        assert to == ["用户@例子.广告"] and options.get("mail_options") == ["SMTPUTF8"]
    else:
        assert "用户" not in to[0] and not options.get("mail_options")


def test_an_invited_international_address_can_register_and_accept() -> None:
    lead = make_user("lead@example.org")
    project = make_project(lead)
    invited = make_user("jöran@example.de", "Jöran")
    membership = add_member(project, lead, invited, "contributor")
    assert membership.user_id == invited.pk


@pytest.mark.parametrize("address", ["jöran@example.de", "用户@例子.广告"])
def test_an_international_address_can_sign_in_and_ask_for_a_new_password(address: str) -> None:
    from tests.factories import PASSWORD as KNOWN

    make_user(address, "Jöran")
    response = Client().post("/accounts/login/", {"login": address, "password": KNOWN})
    assert response.status_code == 302, response.content.decode()[:2000]
    mail.outbox.clear()
    response = Client().post("/accounts/password/reset/", {"email": address})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert any(address in m.to for m in mail.outbox)
