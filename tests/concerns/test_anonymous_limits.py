"""The anonymous link's brakes: a few concerns an hour per project, a trap for programs on
the form, same-site JSON only on the API, and receipt-code guessing that slows, then waits
for its window to end, counted atomically and never shutting the code's holder out for good.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.concerns.helpers import concern_data, raise_anonymous
from workings.concerns import limits, receipts, services
from workings.concerns.models import AnonymousWindow, Concern
from workings.concerns.selectors import anonymous_key
from workings.core.exceptions import NotFound, ValidationFailed

pytestmark = pytest.mark.django_db
CODE = re.compile(r"\d{4}-\d{4}-\d{4}-\d{4}-\d{4}")
WRONG = "1111-2222-3333-4444-5555"


class Clock:
    """Moves limits' notion of now (real time, not the project clock)."""

    def __init__(self, monkeypatch: Any) -> None:
        self.now = dt.datetime(2026, 11, 30, 10, 0, 5, tzinfo=dt.UTC)
        monkeypatch.setattr(limits, "_now", lambda: self.now)

    def wait(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: Any) -> Clock:
    return Clock(monkeypatch)


def _page(world: Any) -> str:
    return reverse(
        "concerns:anonymous-raise", args=[world.project.slug, anonymous_key(world.project)]
    )


def _api(world: Any) -> str:
    return f"/api/v1/concerns/anonymous/{world.project.slug}/{anonymous_key(world.project)}"


def _anonymous_count(project: Any) -> int:
    return Concern.objects.filter(project=project, mode="anonymous").count()


# -- raising ---------------------------------------------------------------------------
def test_a_project_takes_a_few_anonymous_concerns_an_hour(world: Any, clock: Clock) -> None:
    client = Client()
    for n in range(services.ANONYMOUS_PER_HOUR):
        sent = client.post(_page(world), concern_data(subject=f"Concern {n}"))
        assert sent.status_code == 200 and CODE.search(sent.content.decode())
    refused = client.post(_page(world), concern_data(subject="One too many"))
    assert refused.status_code == 400
    assert "More anonymous concerns than usual" in refused.content.decode()
    assert "One too many" in refused.content.decode()  # their words are still in the form
    api = client.post(_api(world), json.dumps(concern_data()), content_type="application/json")
    assert api.status_code == 400 and "More anonymous concerns" in api.json()["detail"]
    assert _anonymous_count(world.project) == services.ANONYMOUS_PER_HOUR
    # Another project is not affected; and the limit ends with its hour.
    services.concern_raise_anonymous(project=world.other_project, **concern_data())
    clock.wait(hours=1)
    assert client.post(_page(world), concern_data()).status_code == 200


def test_an_invalid_or_refused_concern_does_not_use_up_the_limit(world: Any, clock: Clock) -> None:
    for _ in range(services.ANONYMOUS_PER_HOUR + 3):
        with pytest.raises(ValidationFailed):
            services.concern_raise_anonymous(project=world.project, **concern_data(subject=""))
    for _ in range(services.ANONYMOUS_PER_HOUR):
        raise_anonymous(world)
    assert _anonymous_count(world.project) == services.ANONYMOUS_PER_HOUR


def test_the_counters_keep_no_address(world: Any, clock: Clock) -> None:
    Client().post(_page(world), concern_data(), REMOTE_ADDR="203.0.113.77")
    rows = list(AnonymousWindow.objects.values())
    assert rows and all("203.0.113.77" not in str(row) for row in rows)
    assert {f.name for f in AnonymousWindow._meta.get_fields()} == {
        "id",
        "project",
        "purpose",
        "starts_at",
        "count",
        "last_slow_at",
    }


def test_the_form_has_a_trap_for_programs(world: Any, clock: Clock) -> None:
    client = Client()
    page = client.get(_page(world)).content.decode()
    trap = re.search(r'<div class="trap" aria-hidden="true">.*?</div>', page, re.S)
    assert trap and 'name="website"' in trap.group(0) and 'tabindex="-1"' in trap.group(0)
    assert page.count('name="website"') == 1
    caught = client.post(_page(world), {**concern_data(), "website": "http://spam.example"})
    assert caught.status_code == 400
    assert "a box meant to be left empty was filled in" in caught.content.decode()
    assert _anonymous_count(world.project) == 0
    assert client.post(_page(world), {**concern_data(), "website": ""}).status_code == 200


# -- the API only from this site -------------------------------------------------------
def test_the_api_refuses_a_plain_text_post(world: Any, clock: Clock) -> None:
    sent = Client().post(_api(world), json.dumps(concern_data()), content_type="text/plain")
    assert sent.status_code == 400 and "Content-Type: application/json" in sent.json()["detail"]
    form = Client().post(_api(world), concern_data())
    assert form.status_code == 400
    assert _anonymous_count(world.project) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
    ],
)
def test_the_api_refuses_another_site(world: Any, clock: Clock, headers: dict[str, str]) -> None:
    client = Client()
    sent = client.post(
        _api(world), json.dumps(concern_data()), content_type="application/json", **headers
    )
    assert sent.status_code == 403 and "this site's own pages" in sent.json()["detail"]
    follow = client.post(
        f"{_api(world)}/follow-up",
        json.dumps({"code": WRONG}),
        content_type="application/json",
        **headers,
    )
    assert follow.status_code == 403
    assert _anonymous_count(world.project) == 0
    assert not AnonymousWindow.objects.filter(purpose="wrong-receipt").exists()


def test_the_api_takes_its_own_site_and_scripts(world: Any, clock: Clock) -> None:
    client = Client()
    for headers in (
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {},
    ):
        sent = client.post(
            _api(world), json.dumps(concern_data()), content_type="application/json", **headers
        )
        assert sent.status_code == 201, sent.content


# -- guessing receipt codes ------------------------------------------------------------
def _guess(world: Any, code: str = WRONG) -> str:
    try:
        services.concern_by_receipt(project=world.project, code=code)
    except NotFound:
        return "wrong"
    except ValidationFailed as error:
        return "slow" if "one code a minute" in error.message else "wait"
    return "right"


def test_guessing_slows_down_then_waits_for_the_window(world: Any, clock: Clock) -> None:
    concern, code = raise_anonymous(world)
    answers = [_guess(world) for _ in range(receipts.FREE_WRONG + 2)]
    assert answers == ["wrong"] * (receipts.FREE_WRONG + 1) + ["slow"]
    # The holder gets in at the next minute, and a right code gives its turn back.
    clock.wait(seconds=61)
    assert _guess(world, code) == "right"
    assert _guess(world) == "wrong"
    assert _guess(world) == "slow"
    while True:
        clock.wait(seconds=61)
        if (answer := _guess(world)) != "wrong":
            break
    assert answer == "wait"
    assert AnonymousWindow.objects.get(purpose="wrong-receipt").count == receipts.MAX_WRONG
    assert _guess(world, code) == "wait"  # a right code is not checked either: no oracle
    # Waiting for the window's end always lets the holder back in.
    clock.now = clock.now.replace(minute=15, second=1)
    assert _guess(world, code) == "right"
    assert concern.pk


def test_the_holder_is_never_slowed_by_their_own_visits(world: Any, clock: Clock) -> None:
    _, code = raise_anonymous(world)
    assert {_guess(world, code) for _ in range(receipts.MAX_WRONG * 2)} == {"right"}


def test_the_wait_is_told_on_the_page_and_the_api(world: Any, clock: Clock) -> None:
    for _ in range(receipts.FREE_WRONG + 1):
        _guess(world)
    client = Client()
    url = reverse(
        "concerns:anonymous-follow-up", args=[world.project.slug, anonymous_key(world.project)]
    )
    page = client.post(url, {"code": WRONG})
    assert page.status_code == 400 and "one code a minute" in page.content.decode()
    api = client.post(
        f"{_api(world)}/follow-up", json.dumps({"code": WRONG}), content_type="application/json"
    )
    assert api.status_code == 400 and "one code a minute" in api.json()["detail"]


def test_the_count_is_decided_by_one_conditional_update(
    world: Any, clock: Clock, monkeypatch: Any
) -> None:
    """Four requests in parallel each read the window before any has counted. The decision is
    the UPDATE's (WHERE count < limit), not the read's, so only one gets through."""
    window = AnonymousWindow.objects.create(
        project=world.project,
        purpose="wrong-receipt",
        starts_at=limits._start(receipts.GUESSES, clock.now),
        count=receipts.MAX_WRONG - 1,
    )
    stale = AnonymousWindow.objects.get(pk=window.pk)
    monkeypatch.setattr(AnonymousWindow.objects, "get_or_create", lambda **kwargs: (stale, False))
    clock.wait(seconds=61)
    with CaptureQueriesContext(connection) as queries:
        answers = [_guess(world) for _ in range(4)]
    assert sorted(answers) == ["wait", "wait", "wait", "wrong"], answers
    assert AnonymousWindow.objects.get(pk=window.pk).count == receipts.MAX_WRONG
    updates = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 4
    assert all('"count" + 1' in sql or '"count" + %s' in sql for sql in updates), updates
    assert all('"count" <' in sql for sql in updates), updates
