"""The disagreement procedure reads as sentences: each stage names who handles it (the
handler was missing: "Handled by . Answer within 10 days.")."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.agreements.helpers import in_force

pytestmark = pytest.mark.django_db


def test_each_stage_says_who_handles_it(world: Any, client_for: Any) -> None:
    version = in_force(world)
    url = reverse("agreements:version", args=[world.project.slug, version.number])
    page = client_for(world.users["contributor"]).get(url).content.decode()
    said = re.findall(r"Handled by [^<]*", page)
    assert said, page
    assert "Handled by the involvement lead. Answer within 10 days." in said, said
    assert any(s.startswith("Handled by the independent person named in") for s in said), said
    assert "Handled by ." not in page and "Handled by  (" not in page
