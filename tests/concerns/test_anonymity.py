"""The marker test: an anonymous concern, raised and followed up with marker values in every
request header that could identify someone, leaves none of them anywhere we keep things."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.concerns.helpers import concern_data
from workings.concerns.models import Concern, Reply
from workings.concerns.selectors import anonymous_key

pytestmark = pytest.mark.django_db

MARKERS = {
    "REMOTE_ADDR": "203.0.113.77",
    "HTTP_X_FORWARDED_FOR": "198.51.100.99",
    "HTTP_USER_AGENT": "MarkerAgent/7.7-qzx",
    "HTTP_REFERER": "https://referer-marker.example/qzx",
}
CODE = re.compile(r"\d{4}-\d{4}-\d{4}-\d{4}-\d{4}")


def _every_stored_value() -> list[str]:
    """Every text and bytes value in every table, read with raw SQL."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, (bytes, memoryview)):
                        found.append(bytes(value).decode("latin-1"))
                    elif value is not None:
                        found.append(str(value))
    return found


def _stored_files() -> list[str]:
    texts = []
    for root in {Path(settings.VAR_DIR), Path(settings.MEDIA_ROOT)}:
        if root.exists():
            for path in root.rglob("*"):
                if path.is_file():
                    texts.append(path.read_bytes().decode("latin-1"))
    return texts


def _mail_texts() -> list[str]:
    return [
        f"{m.subject}\n{m.body}\n{m.extra_headers}\n{m.to}" for m in getattr(mail, "outbox", [])
    ]


def _check_private(response: Any) -> None:
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert set(response.cookies) <= {"csrftoken"}, response.cookies


def _follow_up(client: Client, world: Any, key: str, code: str, **data: str) -> Any:
    url = reverse("concerns:anonymous-follow-up", args=[world.project.slug, key])
    response = client.post(url, {"code": code, **data}, **MARKERS)
    _check_private(response)
    return response


def _api_follow_up(client: Client, world: Any, key: str, code: str) -> Any:
    response = client.post(
        f"/api/v1/concerns/anonymous/{world.project.slug}/{key}/follow-up",
        json.dumps({"code": code, "action": "view"}),
        content_type="application/json",
        **MARKERS,
    )
    assert response["Cache-Control"] == "no-store"
    assert set(response.cookies) <= {"csrftoken"}, response.cookies
    return response


def _wrong_codes_until_slowed(client: Client, world: Any, key: str) -> None:
    """Wrong codes on the page and the API, malformed ones too, until guessing is slowed;
    then one more on each, which is refused without being checked."""
    from workings.concerns import receipts

    wrong = ["1111-2222-3333-4444-5555", "not a code", "9" * 20]
    for n in range(receipts.FREE_WRONG + 1):
        code = wrong[n % len(wrong)]
        if n % 2:
            answer = _api_follow_up(client, world, key, code)
            assert answer.status_code == 404, answer.content
            assert "does not match a concern here" in answer.json()["detail"]
        else:
            page = _follow_up(client, world, key, code, action="reply", body="Hello?")
            assert page.status_code == 400
            assert "does not match a concern here" in page.content.decode()
    page = _follow_up(client, world, key, wrong[0], action="view")
    assert page.status_code == 400 and "one code a minute" in page.content.decode()
    answer = _api_follow_up(client, world, key, wrong[0])
    assert answer.status_code == 400 and "one code a minute" in answer.json()["detail"]


def _raises_until_limited(client: Client, raise_url: str) -> None:
    """A form filled in by a program, then concerns until the project's hourly limit."""
    trapped = client.post(raise_url, {**concern_data(), "website": "x"}, **MARKERS)
    _check_private(trapped)
    assert trapped.status_code == 400
    for _ in range(10):
        sent = client.post(raise_url, concern_data(subject="One more"), **MARKERS)
        _check_private(sent)
        if sent.status_code == 400:
            assert "More anonymous concerns than usual" in sent.content.decode()
            return
    raise AssertionError("the hourly limit never came")


@pytest.mark.parametrize("signed_in", [False, True], ids=["no-account", "signed-in"])
def test_no_marker_is_kept_anywhere(
    world: Any,
    signed_in: bool,
    caplog: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("django.request", "django.server", "django.security", "django.db.backends"):
        # Every level, whatever the settings say: a warning with an address must not pass.
        caplog.set_level(logging.DEBUG, logger=name)
        logging.getLogger(name).addHandler(caplog.handler)
    contributor = world.users["contributor"]
    client = Client(enforce_csrf_checks=False)
    if signed_in:
        client.force_login(contributor)
    sessions_before = set(Session.objects.values_list("session_key", flat=True))
    key = anonymous_key(world.project)
    raise_url = reverse("concerns:anonymous-raise", args=[world.project.slug, key])

    try:
        with django_capture_on_commit_callbacks(execute=True):
            page = client.get(raise_url, **MARKERS)
            _check_private(page)
            sent = client.post(raise_url, concern_data(), **MARKERS)
            _check_private(sent)
            code = CODE.search(sent.content.decode()).group(0)
            shown = _follow_up(client, world, key, code, action="view")
            assert "Our payments are late" in shown.content.decode()
            _follow_up(client, world, key, code, action="reply", body="Still waiting.")
            # The signed-in page's anonymous choice and the API, too.
            if signed_in:
                raised = client.post(
                    reverse("concerns:raise", args=[world.project.slug]),
                    {**concern_data(subject="Via the raise page"), "mode": "anonymous"},
                    **MARKERS,
                )
                assert CODE.search(raised.content.decode())
                _check_private(raised)
            api = client.post(
                f"/api/v1/concerns/anonymous/{world.project.slug}/{key}",
                json.dumps(concern_data(subject="Via the API")),
                content_type="application/json",
                **MARKERS,
            )
            assert api.status_code == 201, api.content
            assert api["Cache-Control"] == "no-store"
            api_code = api.json()["receipt_code"]
            followed = client.post(
                f"/api/v1/concerns/anonymous/{world.project.slug}/{key}/follow-up",
                json.dumps({"code": api_code, "action": "reply", "text": "More detail."}),
                content_type="application/json",
                **MARKERS,
            )
            assert followed.status_code == 200, followed.content
            _wrong_codes_until_slowed(client, world, key)
            _raises_until_limited(client, raise_url)
        from workings.notifications.reminders import reminders_send

        reminders_send()  # the digest carries the reviewers' e-mails about it
    finally:
        for name in ("django.request", "django.server", "django.security", "django.db.backends"):
            logging.getLogger(name).removeHandler(caplog.handler)

    haystacks = {
        "database": _every_stored_value(),
        "log": [caplog.text],
        "files": _stored_files(),
        "mail": _mail_texts(),
    }
    for where, texts in haystacks.items():
        for marker in MARKERS.values():
            assert not any(marker in t for t in texts), f"{marker!r} found in {where}"
        if signed_in:
            assert not any(contributor.email in t for t in texts if where == "mail")
    assert mail.outbox, "reviewers should have had their digest"
    # Nothing ties the concerns to the account, and no session was made.
    assert set(Session.objects.values_list("session_key", flat=True)) == sessions_before
    concerns = Concern.objects.filter(mode="anonymous")
    from workings.concerns.services import ANONYMOUS_PER_HOUR

    assert concerns.count() == ANONYMOUS_PER_HOUR
    assert not concerns.filter(raised_by__isnull=False).exists()
    assert not Reply.objects.filter(concern__in=concerns, author__isnull=False).exists()
    for concern in concerns:
        assert concern.raised_at.hour == 0 and concern.raised_at.minute == 0
    from workings.events.models import Entry

    sealed = Entry.objects.filter(log__project=world.project, sealed=True)
    assert sealed.exists() and not sealed.filter(actor__isnull=False).exists()
    assert all(e.recorded_at.hour == 0 for e in sealed)


def test_receipt_code_is_never_in_a_url_or_stored(world: Any) -> None:
    client = Client()
    key = anonymous_key(world.project)
    raise_url = reverse("concerns:anonymous-raise", args=[world.project.slug, key])
    sent = client.post(raise_url, concern_data())
    code = CODE.search(sent.content.decode()).group(0)
    digits = code.replace("-", "")
    assert digits not in raise_url and code not in sent.get("Location", "")
    assert not any(digits in v or code in v for v in _every_stored_value())
    # A second look is a POST with the code in the body; the page never links to it.
    page = client.get(reverse("concerns:anonymous-follow-up", args=[world.project.slug, key]))
    assert code not in page.content.decode()


def test_wrong_code_page_says_the_same_whether_or_not_a_concern_exists(world: Any) -> None:
    client = Client()
    key = anonymous_key(world.project)
    url = reverse("concerns:anonymous-follow-up", args=[world.project.slug, key])
    empty = client.post(url, {"code": "1111-2222-3333-4444-5555"})
    client.post(reverse("concerns:anonymous-raise", args=[world.project.slug, key]), concern_data())
    after = client.post(url, {"code": "1111-2222-3333-4444-5555"})
    assert empty.status_code == after.status_code == 400
    assert b"does not match a concern here" in empty.content
    strip = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub(b"", empty.content) == strip.sub(b"", after.content)


def test_a_bad_project_link_is_not_found(world: Any) -> None:
    client = Client()
    url = reverse("concerns:anonymous-raise", args=[world.project.slug, "0" * 32])
    assert client.get(url).status_code == 404


def test_null_origin_from_a_no_referrer_page_still_needs_the_csrf_token(world: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    key = anonymous_key(world.project)
    url = reverse("concerns:anonymous-raise", args=[world.project.slug, key])
    page = client.get(url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert client.post(url, concern_data(), HTTP_ORIGIN="null").status_code == 403
    sent = client.post(
        url, {**concern_data(), "csrfmiddlewaretoken": token.group(1)}, HTTP_ORIGIN="null"
    )
    assert sent.status_code == 200 and CODE.search(sent.content.decode())
    assert (
        client.post(
            url,
            {**concern_data(), "csrfmiddlewaretoken": token.group(1)},
            HTTP_ORIGIN="https://evil.example",
        ).status_code
        == 403
    )
