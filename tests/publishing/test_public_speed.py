"""The public page's list of entries and the feed are kept while the project's log does not
move (docs/decisions/public-page-speed.md): a second visit reads no entry, whatever the size
of the record; any recorded change (here, consent) shows at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.publishing import helpers as h
from workings.publishing import services

pytestmark = pytest.mark.django_db


def _reads_entries(url: str) -> tuple[bool, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = Client().get(url)
    assert response.status_code == 200
    read = any('FROM "events_entry"' in q["sql"] for q in ctx.captured_queries)
    return read, response.content.decode()


@pytest.mark.parametrize("name", ["publishing:public", "publishing:feed"])
def test_kept_until_the_log_moves(world: Any, name: str) -> None:
    h.published(world)
    entry = h.contributor_feedback(world)
    url = reverse(name, args=[world.project.slug])
    read, first = _reads_entries(url)
    assert read
    read, again = _reads_entries(url)
    assert not read  # kept: the record is not read again
    assert again == first or name == "publishing:public"  # (the page's form token differs)
    if name == "publishing:feed":
        assert f"#{entry.seq}" not in again  # waiting for consent: not in the feed
    services.consent_set(
        actor=world.users["contributor"], project=world.project, type_name=entry.type, publish=True
    )
    read, after = _reads_entries(url)
    assert read  # the log moved: made afresh
    if name == "publishing:feed":
        assert f"#{entry.seq}" in after
    else:
        assert "waits for its author" not in after
        assert "waits for its author" in first


def test_each_page_of_the_record_is_kept_apart(world: Any) -> None:
    h.published(world)
    url = reverse("publishing:public", args=[world.project.slug])
    _read, newest = _reads_entries(url)
    _read, older = _reads_entries(url + "?before=2")
    assert 'id="entry-0"' in older
    assert 'id="entry-2"' not in older
    assert 'id="entry-2"' in newest


def test_the_kept_page_gives_each_visitor_their_own_form_token_and_puzzle(world: Any) -> None:
    import re

    h.published(world)
    url = reverse("publishing:public", args=[world.project.slug])
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    puzzle = re.compile(r'name="pow_puzzle" value="([^"]+)"')
    first = Client(enforce_csrf_checks=True)
    page = first.get(url).content.decode()
    second = Client(enforce_csrf_checks=True).get(url).content.decode()
    assert "slot-" not in page
    assert puzzle.findall(page) != puzzle.findall(second)
    assert token.findall(page) and token.findall(page) != token.findall(second)
    # The token on the kept page works for this visitor's comment.
    sent = first.post(
        reverse("publishing:comment", args=[world.project.slug]),
        {"csrfmiddlewaretoken": token.findall(page)[0], "name": "Pat", "body": "Thank you."},
    )
    assert sent.status_code == 200
    assert "Your private link" in sent.content.decode()
