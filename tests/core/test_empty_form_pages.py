"""Submitting an empty form on the key pages shows every problem at once, each naming its
field and what to do, in the summary at the top and beside the field (issue 16, "Words")."""

from __future__ import annotations

import html
from typing import Any

from django.urls import reverse

from tests.agreements import helpers as agreement_h
from tests.money import helpers as money_h
from tests.verification import helpers as verification_h

SUMMARY = "There is a problem"


def _post(client_for: Any, user: Any, url: str, data: dict[str, Any]) -> str:
    response = client_for(user).post(url, data)
    assert response.status_code in (200, 400), response.status_code
    return html.unescape(response.content.decode())


def _all_shown(page: str, messages: list[str]) -> None:
    assert SUMMARY in page
    summary = page.split(SUMMARY, 1)[1]
    for message in messages:
        # In the summary (a link to the field) and again beside the field.
        assert message in summary, message
        assert page.count(message) >= 2, message
    assert "This field is required" not in page
    if len(messages) > 1:
        assert f"There are {len(messages)} things to put right." in page


def test_feedback(world: Any, client_for: Any) -> None:
    url = reverse("record:feedback-create", args=[world.project.slug])
    page = _post(client_for, world.users["contributor"], url, {})
    _all_shown(page, ["Enter a title for your feedback", "Enter your feedback"])
    assert '<a href="#id_title">Enter a title for your feedback</a>' in page


def test_concern(world: Any, client_for: Any) -> None:
    url = reverse("concerns:raise", args=[world.project.slug])
    page = _post(client_for, world.users["contributor"], url, {})
    _all_shown(
        page,
        [
            "Enter a subject for your concern",
            "Enter what happened",
            "Enter the outcome you want",
            "Choose open, confidential or anonymous.",
        ],
    )
    # A group of buttons: the link goes to its first button.
    assert 'href="#id_mode_0"' in page


def test_agreement_comment(world: Any, client_for: Any) -> None:
    version = agreement_h.proposed(world)
    url = reverse("agreements:comment", args=[world.project.slug, version.number])
    page = _post(client_for, world.users["contributor"], url, {"section": "payment"})
    _all_shown(page, ["Enter your comment"])


def test_offer(world: Any, client_for: Any) -> None:
    money_h.terms(world)
    url = reverse("money:offer-new", args=[world.project.slug])
    page = _post(client_for, world.users["lead"], url, {})
    _all_shown(
        page,
        [
            "Choose who the offer is for",
            "Choose what it is for",
            "Enter the name of the activity",
            "Enter the expected hours, preparation included",
        ],
    )


def test_claim(world: Any, client_for: Any) -> None:
    money_h.terms(world)
    offer = money_h.accepted(world)
    url = reverse("money:claim-new", args=[world.project.slug, offer.pk])
    page = _post(client_for, world.users["contributor"], url, {})
    _all_shown(page, ["Enter the hours, preparation included"])


def test_milestone(world: Any, client_for: Any) -> None:
    url = reverse("plans:milestone-new", args=[world.project.slug])
    page = _post(client_for, world.users["lead"], url, {})
    _all_shown(
        page,
        [
            "Choose the kind of milestone",
            "Enter what will be done",
            "Enter the due date",
            "Choose who owns it",
        ],
    )


def test_verification_answer(world: Any, client_for: Any) -> None:
    request, _ = verification_h.sent(world)
    url = reverse("verification:answer", args=[world.project.slug, request.pk])
    page = _post(client_for, world.users["contributor"], url, {})
    claims = request.claims.filter(removed=False).count()
    assert claims > 1
    _all_shown(page, [f"Choose an answer for claim {n}" for n in range(1, claims + 1)])
