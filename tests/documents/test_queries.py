"""The document pages ask the database the same number of times whatever the number of
versions, approvals and suggestions (Zulip-style pinning)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.documents.helpers import agree_documents, summary
from workings.documents import services, suggestions

pytestmark = pytest.mark.django_db


def _grow(world: Any, doc: Any, n: int) -> None:
    for _ in range(n):
        latest = doc.versions.order_by("-number").first()
        suggestions.suggestion_make(
            actor=world.users["researcher"],
            document=doc,
            number=latest.number,
            original="help",
            replacement="support",
        )
        services.version_propose(
            actor=world.users["lead"],
            document=doc,
            base=latest.number,
            text=latest.text + " More.",
        )


def _count(client: Any, url: str) -> int:
    from workings.accounts import header

    header.clear()  # the page header's queries counted every time (accounts/header.py)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_pages_do_not_ask_more_as_the_document_grows(world: Any, client_for: Any) -> None:
    agree_documents(world, owners=[world.users["contributor"]], rule="all")
    doc = summary(world)
    client = client_for(world.users["contributor"])
    _grow(world, doc, 2)
    small = {
        "document": _count(client, doc.get_absolute_url()),
        "version": _count(client, doc.versions.order_by("-number").first().get_absolute_url()),
    }
    _grow(world, doc, 6)
    big = {
        "document": _count(client, doc.get_absolute_url()),
        "version": _count(client, doc.versions.order_by("-number").first().get_absolute_url()),
    }
    assert big == small, (small, big)
