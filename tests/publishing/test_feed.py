"""The Atom feed of the published record: well-formed, with every element RFC 4287 requires
(feed: id, title, updated, author; entry: id, title, updated, a link), and only what the
public may read."""

from __future__ import annotations

from typing import Any

import pytest
from defusedxml import ElementTree as ET
from django.test import Client
from django.urls import reverse

from tests.publishing import helpers as h
from workings.publishing import services

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(world: Any, client: Client | None = None) -> tuple[Any, str]:
    response = (client or Client()).get(reverse("publishing:feed", args=[world.project.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    text = response.content.decode()
    return ET.fromstring(response.content), text


def _check_atom(root: Any) -> None:
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None and root.find(f"{ATOM}{name}").text
    has_feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link and self_link[0].get("href").startswith("http")
    ids = set()
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{name}") is not None and entry.find(f"{ATOM}{name}").text
        assert has_feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
        ids.add(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(root.findall(f"{ATOM}entry"))  # ids are unique


def test_the_feed_is_valid_atom_and_holds_only_published_entries(world: Any) -> None:
    h.published(world)
    entry = h.contributor_feedback(world)
    root, text = _feed(world)
    _check_atom(root)
    assert root.findall(f"{ATOM}entry")  # the project's own public entries
    assert f"#{entry.seq}<" not in text and "UNCONSENTEDWORDSMARKER" not in text
    services.consent_set(
        actor=world.users["contributor"], project=world.project, type_name=entry.type, publish=True
    )
    root, text = _feed(world)
    _check_atom(root)
    assert f"#entry-{entry.seq}" in text


def test_an_unpublished_projects_feed_is_for_its_members_only(world: Any) -> None:
    url = reverse("publishing:feed", args=[world.project.slug])
    assert Client().get(url).status_code == 404
    member = Client()
    member.force_login(world.users["observer"])
    root, _text = _feed(world, member)
    _check_atom(root)
