"""The raise page chooses nothing for the person, and says beside each choice, in the same
words as its "who will read it" box, who will read the concern."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.concerns.helpers import concern_data
from workings.concerns.models import Concern
from workings.concerns.procedure import mode_readers

pytestmark = pytest.mark.django_db


def _page(world: Any) -> str:
    client = Client()
    client.force_login(world.users["contributor"])
    return client.get(reverse("concerns:raise", args=[world.project.slug])).content.decode()


def test_no_way_of_raising_is_chosen_for_the_person(world: Any) -> None:
    page = _page(world)
    radios = re.findall(r'<input type="radio" name="mode"[^>]*>', page)
    assert len(radios) == 3
    assert not any("checked" in r for r in radios)


def test_each_choice_says_who_reads_it_in_the_words_of_the_box(world: Any) -> None:
    page = html.unescape(_page(world))
    box = re.search(r'<div class="panel concern-readers">.*?</div>', page, re.S).group(0)
    readers = mode_readers(world.project)
    assert "Funder Person, reviewer for World Fund." in readers["confidential"]
    for mode, line in readers.items():
        assert line in box
        label = re.search(
            rf'<label for="id_mode_\d">\s*<input[^>]*value="{mode}"[^>]*>(.*?)</label>', page, re.S
        )
        assert label, mode
        assert line in " ".join(label.group(1).split())


def test_sending_without_choosing_is_refused_plainly(world: Any) -> None:
    client = Client()
    client.force_login(world.users["contributor"])
    sent = client.post(reverse("concerns:raise", args=[world.project.slug]), concern_data())
    assert sent.status_code == 400
    assert "Choose open, confidential or anonymous." in sent.content.decode()
    assert not Concern.objects.exists()


def test_the_api_asks_for_a_choice_too(world: Any) -> None:
    client = Client()
    client.force_login(world.users["contributor"])
    sent = client.post(
        f"/api/v1/projects/{world.project.slug}/concerns",
        json.dumps(concern_data()),
        content_type="application/json",
    )
    assert sent.status_code == 422 and "mode" in sent.json()["detail"]
    assert not Concern.objects.exists()
