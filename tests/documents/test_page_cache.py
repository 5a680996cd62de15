"""The document pages keep their bodies while the project's log does not move: a kept body
is never shown to another reader, and any change to the document shows at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.documents.helpers import agree_documents, more_contributors, summary
from workings.documents import services

pytestmark = pytest.mark.django_db


def _get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_kept_body_changes_with_the_log_and_differs_by_reader(world: Any) -> None:
    (owner,) = more_contributors(world, 1)
    agree_documents(world, owners=[owner])
    document = summary(world)
    version_url = document.versions.get(number=1).get_absolute_url()
    owner_client, lead_client = Client(), Client()
    owner_client.force_login(owner)
    lead_client.force_login(world.users["lead"])

    before = _get(owner_client, version_url)
    assert "I approve version 1" in before
    main = slice(before.index("<main"), before.index("</main>"))
    again = _get(owner_client, version_url)
    assert again[again.index("<main") : again.index("</main>")] == before[main]  # kept
    # The lead is not an owner: the owner's kept body (with its approve button) is not theirs.
    assert "I approve version 1" not in _get(lead_client, version_url)

    services.version_approve(actor=owner, document=document, number=1)
    after = _get(owner_client, version_url)
    assert "I approve version 1" not in after
    assert "approved" in _get(owner_client, document.get_absolute_url())


def test_the_readability_help_is_in_the_page_not_in_its_title(world: Any) -> None:
    document = summary(world)
    client = Client()
    client.force_login(world.users["researcher"])
    page = _get(client, document.versions.get(number=1).get_absolute_url())
    title = page[page.index("<title>") : page.index("</title>")]
    assert "Readability help" not in title
    assert page.count("Readability help for writers") == 1
    propose = _get(client, f"{document.get_absolute_url()}propose/")
    assert "Readability help" not in propose[propose.index("<title>") : propose.index("</title>")]


def test_a_form_with_errors_is_shown_with_its_errors_not_a_kept_body(world: Any) -> None:
    document = summary(world)
    client = Client()
    client.force_login(world.users["researcher"])
    url = document.versions.get(number=1).get_absolute_url()
    _get(client, url)
    response = client.post(f"{url}suggest/", {"original": "", "replacement": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
