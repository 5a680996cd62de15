"""The data download is complete: every model that points at a person is registered, and a
demo contributor's download holds their own words and nobody else's address."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.test import Client

from workings.core.person_data import covered_fields, export_person, holdings

pytestmark = pytest.mark.django_db

PERSON_MODELS = ("accounts.user", "projects.membership")


def _fields_pointing_at_people() -> set[tuple[str, str]]:
    found = set()
    for model in apps.get_models():
        if not model.__module__.startswith("workings."):
            continue
        for field in model._meta.fields:
            related = field.related_model
            if field.is_relation and related and related._meta.label_lower in PERSON_MODELS:
                found.add((model._meta.label_lower, field.name))
    return found


def test_every_field_that_points_at_a_person_is_registered() -> None:
    missing = _fields_pointing_at_people() - covered_fields()
    assert not missing, (
        "These fields point at a person but no app says what of them is handed over "
        f"(register a Holding in the app's person_data.py): {sorted(missing)}"
    )


def test_every_registered_field_exists() -> None:
    stale = covered_fields() - _fields_pointing_at_people()
    assert not stale, f"Registered person fields that no model has: {sorted(stale)}"


def test_every_holding_exports_without_error_and_in_plain_json() -> None:
    from tests.factories import build_world

    world = build_world()
    person = world.users["contributor"]
    ids = list(person.memberships.values_list("pk", flat=True))
    sections = export_person(person, ids)
    assert [s["key"] for s in sections] == [h.label for h in holdings()]
    json.dumps(sections)


def test_a_contributor_downloads_their_own_words_from_the_demo() -> None:
    from workings.core.demo import build_demo

    contributor = build_demo().people["contributor1"]
    client = Client()
    client.force_login(contributor)
    page = client.get("/profile/data/")
    assert "Prepare my data" in page.content.decode()
    client.post("/profile/data/")  # queued; tests run the worker's task at once
    export = contributor.data_exports.get()
    page = client.get("/profile/data/")
    assert "Download your data" in page.content.decode()
    response = client.get(f"/profile/data/{export.uuid}/download/")
    assert response["Content-Disposition"].startswith("attachment")
    body = b"".join(response.streaming_content)
    data = json.loads(body)
    assert data["account"]["email"] == contributor.email
    written = next(s for s in data["sections"] if s["key"] == "record.Item")
    assert written["rows"], "the demo contributor wrote in the record"
    others = {u.email for u in type(contributor).objects.exclude(pk=contributor.pk) if u.email}
    text = body.decode()
    assert not [address for address in others if address in text]
