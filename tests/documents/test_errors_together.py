"""Proposing, suggesting and dissenting: every rule the service checks comes back at once,
each linked to its field from the error summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.core.error_summary import assert_linked
from tests.documents.helpers import agree_documents, more_contributors, summary
from workings.documents import services
from workings.documents.models import Dissent, Suggestion, Version

pytestmark = pytest.mark.django_db


def _kwargs(doc: Any, **more: Any) -> dict[str, Any]:
    return {"slug": doc.project.slug, "pk": doc.pk, **more}


def test_proposing_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    doc = summary(world)
    response = client_for(world.users["researcher"]).post(
        reverse("documents:propose", kwargs=_kwargs(doc)),
        {"base": 1, "text": "Our <i>new</i> aim.", "note": "<b>tidied</b>"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_text", "HTML")
    assert_linked(page, "id_note", "HTML")
    assert Version.objects.filter(document=doc).count() == 1


def test_suggesting_with_two_broken_rules_hears_of_both(world: Any, client_for: Any) -> None:
    doc = summary(world)
    response = client_for(world.users["researcher"]).post(
        reverse("documents:suggest", kwargs=_kwargs(doc, number=1)),
        {"original": "words not in the text", "replacement": "<em>better</em>"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_original", "could not find those exact words")
    assert_linked(page, "id_replacement", "HTML")
    assert not Suggestion.objects.exists()


def test_dissenting_twice_with_broken_words_hears_of_both(world: Any, client_for: Any) -> None:
    owner = world.users["contributor"]
    agree_documents(world, owners=[owner, *more_contributors(world, 1)], rule="all")
    doc = summary(world)
    services.dissent_add(actor=owner, document=doc, number=1, text="Too hopeful.")
    response = client_for(owner).post(
        reverse("documents:dissent", kwargs=_kwargs(doc, number=1)),
        {"text": "<p>Still too hopeful.</p>"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    # Both are about the one box: the summary links each to it.
    summary_box = page.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert summary_box.count('href="#id_text"') == 2
    assert "already added a dissent note" in summary_box and "HTML" in summary_box
    assert Dissent.objects.count() == 1
