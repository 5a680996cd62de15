"""GRIPP2 forms: item counts, evidence from the record, plain flags, exports."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse

from workings.reports import annex, gripp2

pytestmark = pytest.mark.django_db


def test_published_item_counts_and_ids() -> None:
    assert [i.id for i in gripp2.SHORT_FORM] == ["SF1", "SF2", "SF3", "SF4", "SF5"]
    ids = [i.id for i in gripp2.LONG_FORM]
    assert len(ids) == len(set(ids)) == 34
    assert ids[:5] == ["1a", "1b", "1c", "1d", "1e"] and ids[-1] == "10"


def test_items_filled_or_flagged(rworld: Any) -> None:
    doc = annex.build(project=rworld.project, audience="team", proofs=False)
    rows = {r["id"]: r for r in gripp2.fill("long", doc)}
    assert rows["4b"]["flag"] is None
    assert rows["4b"]["evidence"][0]["section"] == "people"
    assert rows["4d"]["flag"] == "4d, level or nature of involvement: nothing recorded yet"
    assert gripp2.fill("long", doc, "## 4d\nWe were consulted.")[12]["flag"] is None


def test_exports_have_a_reported_on_page_column(rworld: Any, client_for: Any) -> None:
    client = client_for(rworld.users["contributor"])
    url = reverse("reports:gripp2-export", args=[rworld.project.slug, "csv"])
    rows = list(csv.reader(io.StringIO(client.get(url, {"form": "long"}).content.decode())))
    assert rows[0][-1] == "Reported on page" and len(rows) == 35
    md = client.get(reverse("reports:gripp2-export", args=[rworld.project.slug, "md"])).content
    assert b"| Reported on page |" in md and b"SF5" in md
    assert client.get(reverse("reports:gripp2", args=[rworld.project.slug])).status_code == 200
    assert (
        client.get(reverse("reports:gripp2", args=[rworld.project.slug]), {"form": "x"}).status_code
        == 404
    )
