"""A public comment on a published project: every rule the service checks comes back at
once, each linked to its field from the error summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.core.error_summary import assert_linked
from tests.publishing import helpers as h
from workings.publishing.models import Comment

pytestmark = pytest.mark.django_db


def test_a_comment_with_two_broken_rules_hears_of_both(world: Any) -> None:
    cache.clear()
    h.published(world)
    response = Client().post(
        reverse("publishing:comment", args=[world.project.slug]),
        {"name": "<b>Pat</b>", "body": "<a href='x'>Thank you</a>"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_name", "HTML")
    assert_linked(page, "id_body", "HTML")
    assert not Comment.objects.exists()
