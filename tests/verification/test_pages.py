"""Verification pages and endpoints, checked by what they contain: the team never learns who
answered what, sees nothing while a request is open and nothing under three answers; the
funder reads each response, an anonymous one without a name; a former contributor answers
through a one-time link without signing in."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.verification.helpers import answers, sent
from workings.verification import services

pytestmark = pytest.mark.django_db

PRIVATE = "PRIVATECOMMENTMARKER kept for the funder"
SHOWN = "SHOWNCOMMENTMARKER may be in the annex"


def _client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _answered(world: Any, n: int) -> Any:
    request, tokens = sent(world)
    people = world.extra["asked"]
    services.answer_as_member(
        actor=people[0],
        request=request,
        answers=answers(request, "dispute", comment=PRIVATE, in_annex=False),
    )
    if n >= 2:
        services.answer_as_member(
            actor=people[1],
            request=request,
            answers=answers(request, "dispute", comment=SHOWN, in_annex=True),
            anonymous=True,
        )
    if n >= 3:
        services.answer_by_link(
            token=tokens[world.extra["former"].pk], answers=answers(request, "confirm")
        )
    return request


def _pages(world: Any, request: Any) -> list[str]:
    slug = world.project.slug
    return [
        reverse("verification:detail", args=[slug, request.pk]),
        reverse("verification:list", args=[slug]),
        reverse("api:verification_detail", args=[slug, request.pk]),
    ]


def test_the_team_sees_nothing_of_the_answers_while_open(world: Any) -> None:
    request = _answered(world, 3)
    for role in ("lead", "researcher", "observer", "contributor"):
        client = _client(world.users[role])
        for url in _pages(world, request):
            body = client.get(url).content.decode()
            assert PRIVATE not in body and SHOWN not in body, (role, url)
            assert "Helper 1" not in body
        detail = client.get(
            reverse("api:verification_detail", args=[world.project.slug, request.pk])
        )
        data = detail.json()
        assert data["result"] is None and data["response_rate"] is None


def test_after_closing_the_team_sees_counts_and_only_allowed_comments(world: Any) -> None:
    request = _answered(world, 3)
    services.request_close(actor=world.users["funder"], request=request)
    client = _client(world.users["lead"])
    page = client.get(reverse("verification:detail", args=[world.project.slug, request.pk]))
    body = page.content.decode()
    assert "3 of 5 people answered" in body
    assert SHOWN in body and PRIVATE not in body
    assert "Contributor Person" not in body  # the one who answered is never named
    api = client.get(reverse("api:verification_detail", args=[world.project.slug, request.pk]))
    result = api.json()["result"]
    assert result["shown"] and result["counts"][0]["dispute"] == 2
    answers_url = reverse("api:verification_answers", args=[world.project.slug, request.pk])
    assert client.get(answers_url).status_code in (403, 404)


def test_fewer_than_three_answers_show_too_few(world: Any) -> None:
    request = _answered(world, 2)
    services.request_close(actor=world.users["funder"], request=request)
    page = _client(world.users["contributor"]).get(
        reverse("verification:detail", args=[world.project.slug, request.pk])
    )
    body = page.content.decode()
    assert "Too few answers to show" in body
    assert SHOWN not in body and PRIVATE not in body


def test_the_funder_reads_each_response_and_the_anonymous_one_names_no_one(world: Any) -> None:
    request = _answered(world, 2)
    client = _client(world.users["funder"])
    body = client.get(
        reverse("verification:answers", args=[world.project.slug, request.pk])
    ).content.decode()
    assert PRIVATE in body and SHOWN in body
    assert "Contributor Person" in body  # named: the world's contributor
    assert "Helper 1" not in body  # answered anonymously
    assert "Anonymous" in body
    data = client.get(
        reverse("api:verification_answers", args=[world.project.slug, request.pk])
    ).json()
    assert sorted(r["anonymous"] for r in data) == [False, True]
    assert [r["who"] for r in data if r["anonymous"]] == [""]


def test_a_former_contributor_answers_by_link_once_without_signing_in(world: Any) -> None:
    request, tokens = sent(world)
    url = reverse("verification:link", args=[tokens[world.extra["former"].pk]])
    client = Client(enforce_csrf_checks=False)
    page = client.get(url)
    assert page.status_code == 200 and "Is this right?" in page.content.decode()
    assert page["Referrer-Policy"] == "no-referrer" and page["Cache-Control"] == "no-store"
    data = {f"choice_{c.pk}": "dispute" for c in request.claims.all()}
    data["anonymous"] = "on"
    done = client.post(url, data)
    assert "Thank you" in done.content.decode()
    again = client.get(url)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert "sessionid" not in client.cookies


def test_answering_through_the_api_twice_is_refused(world: Any) -> None:
    request, _ = sent(world)
    client = _client(world.users["contributor"])
    url = reverse("api:verification_answer", args=[world.project.slug, request.pk])
    body = {"answers": [{"claim": c.pk, "choice": "partly"} for c in request.claims.all()]}
    first = client.post(url, json.dumps(body), content_type="application/json")
    assert first.status_code == 201
    second = client.post(url, json.dumps(body), content_type="application/json")
    assert second.status_code == 409
    assert "already answered" in second.content.decode()


def test_a_reviewer_builds_claims_in_the_pages(world: Any) -> None:
    from tests.verification.helpers import contributors, later

    contributors(world)
    client = _client(world.users["funder"])
    slug = world.project.slug
    made = client.post(
        reverse("verification:list", args=[slug]),
        {"title": "", "source": "annex", "text": "One claim. Another claim.", "deadline": later()},
    )
    assert made.status_code == 302
    edit = client.get(made["Location"])
    assert "One claim.\nAnother claim." in edit.content.decode()
    past = client.post(
        reverse("verification:list", args=[slug]),
        {"source": "annex", "text": "One.", "deadline": "2020-01-01"},
    )
    assert past.status_code == 400 and "after today" in past.content.decode()
