"""Every record form says that what is written there will be public, and shows a preview of
how it will read before anything is saved (no JavaScript needed)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from workings.record.models import Item

pytestmark = pytest.mark.django_db
NOTICE = "Anyone can read this once the project is published."


def _client(world: Any, role: str = "contributor") -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


@pytest.mark.parametrize("name", ["feedback-create", "account-create", "meeting-create"])
def test_the_form_says_it_will_be_public(world: Any, name: str) -> None:
    role = "lead" if name == "meeting-create" else "contributor"
    page = _client(world, role).get(reverse(f"record:{name}", args=[world.project.slug]))
    assert page.status_code == 200
    text = page.content.decode()
    assert NOTICE in text
    assert 'name="preview"' in text


def test_a_published_project_says_so_now(world: Any) -> None:
    world.project.is_published = True
    world.project.save(update_fields=["is_published"])
    page = _client(world).get(reverse("record:feedback-create", args=[world.project.slug]))
    assert "This project is published: anyone can read this as soon as you save it." in (
        page.content.decode().replace("&#x27;", "'")
    )


def test_preview_shows_the_words_and_saves_nothing(world: Any) -> None:
    client = _client(world)
    url = reverse("record:feedback-create", args=[world.project.slug])
    before = Item.objects.count()
    data = {
        "area": "methods",
        "title": "Evening meetings",
        "text": "Please hold **some** meetings in the evening.",
        "preview": "1",
    }
    shown = client.post(url, data)
    assert shown.status_code == 200
    page = shown.content.decode()
    assert "How it will read" in page
    assert "<strong>some</strong>" in page
    assert "Please hold **some** meetings" in page  # still in the box to edit
    assert Item.objects.count() == before
    saved = client.post(url, {k: v for k, v in data.items() if k != "preview"})
    assert saved.status_code == 302
    assert Item.objects.count() == before + 1


def test_preview_of_a_bad_form_shows_the_errors(world: Any) -> None:
    url = reverse("record:feedback-create", args=[world.project.slug])
    shown = _client(world).post(url, {"area": "methods", "title": "", "text": "", "preview": "1"})
    assert shown.status_code == 400
    assert "How it will read" not in shown.content.decode()
