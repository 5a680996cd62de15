"""Minutes of steering meetings: a draft open for contributors' comments until a day, then
made final by its writer with what changed. What the services accept, what they refuse (in
plain English, writing nothing), what the log records, what the pages and the API show, and
what the home page asks of each person."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import build_world
from tests.plans.helpers import milestone
from workings.core.clock import frozen_at
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.core.needs import needs_for
from workings.events.models import Entry
from workings.plans import minutes as svc
from workings.plans.models import Minutes, MinutesComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> Any:
    return build_world()


def _at(day: str) -> Any:
    d = dt.date.fromisoformat(day)
    return frozen_at(dt.datetime(d.year, d.month, d.day, 12, tzinfo=dt.UTC))


def _draft(world: Any, actor: str = "lead", **over: Any) -> Minutes:
    data: dict[str, Any] = {
        "title": "Steering committee, March",
        "met_on": "2026-03-02",
        "draft": "1. Recruitment is slow.\n2. Decision: add a unit.",
        "comments_until": "2026-03-20",
    }
    data.update(over)
    with _at("2026-03-05"):
        return svc.minutes_draft(actor=world.users[actor], project=world.project, **data)


def _last_type(world: Any) -> str:
    return Entry.objects.filter(log__project=world.project).order_by("-seq").first().type


def test_draft_comment_finalise_each_logged(world: Any) -> None:
    minutes = _draft(world)
    assert minutes.status == "draft" and _last_type(world) == "plans.minutes_drafted"
    with _at("2026-03-10"):
        comment = svc.minutes_comment(
            actor=world.users["contributor"], minutes=minutes, body="The carers' point is missing."
        )
    assert comment.body == "The carers' point is missing."
    assert _last_type(world) == "plans.minutes_commented"
    with _at("2026-03-21"):
        svc.minutes_finalise(
            actor=world.users["lead"],
            minutes=minutes,
            final="1. Recruitment is slow.\n2. Carers check the leaflet.\n3. Add a unit.",
            change_note="Added the carers' point.",
        )
    minutes.refresh_from_db()
    assert minutes.status == "final" and minutes.finalised_on == dt.date(2026, 3, 21)
    assert minutes.draft.startswith("1. Recruitment is slow.\n2. Decision")  # the draft is kept
    assert _last_type(world) == "plans.minutes_finalised"


def test_finalising_without_new_text_keeps_the_draft(world: Any) -> None:
    minutes = _draft(world)
    with _at("2026-03-25"):
        svc.minutes_finalise(
            actor=world.users["lead"], minutes=minutes, final="", change_note="Nothing changed."
        )
    minutes.refresh_from_db()
    assert minutes.final == minutes.draft


def test_only_the_lead_or_a_researcher_writes_minutes(world: Any) -> None:
    assert _draft(world, actor="researcher").written_by == world.memberships["researcher"]
    for role in ("contributor", "observer", "funder"):
        with pytest.raises(NotAllowed):
            _draft(world, actor=role)
    assert Minutes.objects.count() == 1


@pytest.mark.parametrize(
    ("over", "field", "words"),
    [
        ({"met_on": "soon"}, "met_on", "give a date like"),
        ({"met_on": "2026-04-01"}, "met_on", "cannot be in the future"),
        ({"comments_until": "2026-03-01"}, "comments_until", "today or a later day"),
        ({"title": "  "}, "title", "cannot be empty"),
        ({"draft": ""}, "draft", "cannot be empty"),
        ({"meeting": 999999}, "meeting", "Choose a meeting recorded in this project"),
    ],
)
def test_bad_drafts_are_refused_plainly(world: Any, over: Any, field: str, words: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        _draft(world, **over)
    assert caught.value.field == field and words in str(caught.value)
    assert not Minutes.objects.exists()


def test_only_contributors_comment_and_only_while_open(world: Any) -> None:
    minutes = _draft(world)
    with _at("2026-03-10"):
        for role in ("lead", "researcher", "observer", "funder"):
            with pytest.raises(NotAllowed):
                svc.minutes_comment(actor=world.users[role], minutes=minutes, body="Mine")
    with _at("2026-03-21"), pytest.raises(ValidationFailed) as caught:
        svc.minutes_comment(actor=world.users["contributor"], minutes=minutes, body="Late")
    assert "closed on 20 March 2026" in str(caught.value)
    assert not MinutesComment.objects.exists()


def test_the_lead_cannot_close_comments_early_or_finalise_anothers_minutes(world: Any) -> None:
    """Separation of powers: the lead cannot cut the contributors' time short, nor make
    final the minutes a researcher wrote, nor finalise twice."""
    mine = _draft(world)
    with _at("2026-03-20"), pytest.raises(ValidationFailed) as caught:
        svc.minutes_finalise(actor=world.users["lead"], minutes=mine, final="", change_note="x")
    assert "after that day" in str(caught.value)
    theirs = _draft(world, actor="researcher")
    with _at("2026-03-25"):
        with pytest.raises(NotAllowed):
            svc.minutes_finalise(
                actor=world.users["lead"], minutes=theirs, final="", change_note="x"
            )
        with pytest.raises(ValidationFailed) as caught:
            svc.minutes_finalise(actor=world.users["lead"], minutes=mine, final="", change_note=" ")
        assert caught.value.field == "change_note"
        svc.minutes_finalise(actor=world.users["lead"], minutes=mine, final="", change_note="ok")
        with pytest.raises(ValidationFailed):
            svc.minutes_finalise(
                actor=world.users["lead"], minutes=mine, final="", change_note="again"
            )
    assert Minutes.objects.filter(status="final").count() == 1


def test_the_final_page_shows_comments_change_note_and_draft(world: Any) -> None:
    minutes = _draft(world)
    with _at("2026-03-10"):
        svc.minutes_comment(
            actor=world.users["contributor"], minutes=minutes, body="The carers' point is missing."
        )
    client = Client()
    client.force_login(world.users["contributor"])
    url = reverse("plans:minutes", args=[world.project.slug, minutes.pk])
    with _at("2026-03-12"):
        page = client.get(url).content.decode()
    assert "Contributors can comment until 20 March 2026" in page
    assert "Add my comment" in page
    with _at("2026-03-22"):
        svc.minutes_finalise(
            actor=world.users["lead"],
            minutes=minutes,
            final="Carers check the leaflet first.",
            change_note="Added what the carers asked.",
        )
        page = client.get(url).content.decode()
    assert "These minutes are final" in page
    assert "Carers check the leaflet first." in page
    assert "Added what the carers asked." in page
    assert "The carers&#x27; point is missing." in page
    assert "Recruitment is slow." in page  # the draft stays beside the final text
    assert "Add my comment" not in page


def test_pages_post_and_refuse(world: Any) -> None:
    client = Client()
    client.force_login(world.users["lead"])
    slug = world.project.slug
    with _at("2026-03-05"):
        response = client.post(
            reverse("plans:minutes-new", args=[slug]),
            {"title": "T", "met_on": "2026-03-01", "draft": "D", "comments_until": "2026-02-01"},
        )
        assert response.status_code == 400
        assert "today or a later day" in response.content.decode()
        assert not Minutes.objects.exists()
        response = client.post(
            reverse("plans:minutes-new", args=[slug]),
            {"title": "T", "met_on": "2026-03-01", "draft": "D", "comments_until": "2026-03-09"},
        )
    minutes = Minutes.objects.get()
    assert response["Location"] == minutes.get_absolute_url()
    listing = client.get(reverse("plans:minutes-list", args=[slug])).content.decode()
    assert minutes.get_absolute_url() in listing
    outsider = Client()
    outsider.force_login(world.users["outsider"])
    assert outsider.get(minutes.get_absolute_url()).status_code == 404


def test_the_api_drafts_comments_and_finalises(world: Any) -> None:
    slug = world.project.slug
    lead, contributor = Client(), Client()
    lead.force_login(world.users["lead"])
    contributor.force_login(world.users["contributor"])
    base = f"/api/v1/projects/{slug}/minutes"
    with _at("2026-03-05"):
        made = lead.post(
            base,
            {"title": "T", "met_on": "2026-03-01", "draft": "D", "comments_until": "2026-03-09"},
            content_type="application/json",
        )
        assert made.status_code == 201, made.content
        pk = made.json()["id"]
        said = contributor.post(
            f"{base}/{pk}/comments", {"body": "Add me"}, content_type="application/json"
        )
        assert said.status_code == 201
        refused = lead.post(f"{base}/{pk}/comments", {"body": "x"}, content_type="application/json")
        assert refused.status_code == 403
    with _at("2026-03-10"):
        done = lead.post(
            f"{base}/{pk}/finalise",
            {"final": "D2", "change_note": "Said what changed"},
            content_type="application/json",
        )
        assert done.status_code == 200, done.content
        body = done.json()
    assert body["status"] == "final" and body["final"] == "D2" and body["draft"] == "D"
    assert [c["body"] for c in body["comments"]] == ["Add me"]
    assert contributor.get(f"{base}/{pk}").json()["change_note"] == "Said what changed"


def test_the_home_page_needs(world: Any) -> None:
    late = milestone(world, due_on="2026-02-01", owner=world.memberships["contributor"].pk)
    minutes = _draft(world)
    contributor = world.users["contributor"]
    today = dt.date(2026, 3, 10)
    found = needs_for(contributor, [world.project], today)
    titles = [n.title for n in found]
    assert any(
        "“Submit the protocol for ethics approval” is past its due date" in t for t in titles
    )
    assert any("Comment on the draft minutes “Steering committee, March”" in t for t in titles)
    urls = {n.url for n in found}
    assert late.get_absolute_url() in urls and minutes.get_absolute_url() in urls
    with _at("2026-03-10"):
        svc.minutes_comment(actor=contributor, minutes=minutes, body="Done")
    after = [n.title for n in needs_for(contributor, [world.project], today)]
    assert not any("draft minutes" in t for t in after)  # commented: no longer waiting
    closed = [n.title for n in needs_for(contributor, [world.project], dt.date(2026, 3, 21))]
    assert not any("draft minutes" in t for t in closed)
    lead_titles = [n.title for n in needs_for(world.users["lead"], [world.project], today)]
    assert not any("draft minutes" in t or "past its due date" in t for t in lead_titles)


def test_the_home_page_shows_the_minutes_and_the_late_milestone(world: Any) -> None:
    milestone(world, due_on="2026-02-01", owner=world.memberships["contributor"].pk)
    _draft(world)
    client = Client()
    client.force_login(world.users["contributor"])
    with _at("2026-03-10"):
        page = client.get(reverse("notifications:home")).content.decode()
    assert "Comment on the draft minutes “Steering committee, March” by 20 March 2026" in page
    assert "Your milestone “Submit the protocol for ethics approval” is past its due date" in page


def test_a_contributor_erases_their_comment_and_the_record_still_verifies(world: Any) -> None:
    from workings.events.audit import verify_project
    from workings.events.services.erasing import entry_erase

    minutes = _draft(world)
    with _at("2026-03-10"):
        comment = svc.minutes_comment(
            actor=world.users["contributor"], minutes=minutes, body="Something I regret."
        )
    seq = Entry.objects.filter(log__project=world.project, type="plans.minutes_commented").get().seq
    entry_erase(actor=world.users["contributor"], project=world.project, seq=seq, reason="Mine.")
    comment.refresh_from_db()
    assert comment.body == ""
    assert verify_project(world.project).ok
