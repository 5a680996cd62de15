"""The home page: what needs each signed-in person across their projects, checked by what
the page says to each of them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.agreements import helpers as agreement
from tests.factories import add_member, make_project
from tests.record import helpers as record
from workings.core import clock

pytestmark = pytest.mark.django_db


def _page(client_for: Any, user: Any) -> str:
    response = client_for(user).get("/home/")
    assert response.status_code == 200
    return response.content.decode()


def test_sign_in_lands_on_home(client_for: Any) -> None:
    from django.conf import settings

    assert settings.LOGIN_REDIRECT_URL == "/home/"
    assert client_for(None).get("/home/").status_code == 302


def test_contributor_is_asked_to_sign_the_proposed_agreement(world: Any, client_for: Any) -> None:
    agreement.proposed(world)
    html = _page(client_for, world.users["contributor"])
    assert "Read and sign version 1 of the involvement agreement" in html
    assert f"/projects/{world.project.slug}/agreement/versions/1/" in html
    # The observer is no party: nothing to sign.
    assert "Read and sign" not in _page(client_for, world.users["observer"])


def test_signing_removes_the_need(world: Any, client_for: Any) -> None:
    version = agreement.proposed(world)
    agreement.sign(world, version, "contributor")
    assert "Read and sign" not in _page(client_for, world.users["contributor"])


def test_team_sees_feedback_to_answer_and_late_first(world: Any, client_for: Any) -> None:
    record.feedback(world, title="Shops matter", occurred_on=clock.today() - dt.timedelta(days=60))
    record.feedback(world, title="Fresh idea")
    html = _page(client_for, world.users["researcher"])
    assert "Answer the feedback “Shops matter”" in html
    assert html.index("Shops matter") < html.index("Fresh idea")
    assert "Late" in html and "One of them is late." in html
    # The contributor who gave it is told it is late; the observer is asked nothing.
    mine = _page(client_for, world.users["contributor"])
    assert "Your feedback “Shops matter” has not had its answer in time" in mine
    assert "Shops matter" not in _page(client_for, world.users["observer"])


def test_contributor_sees_the_reply_to_her_feedback(world: Any, client_for: Any) -> None:
    item = record.feedback(world, title="Shops matter")
    record.answer(world, item)
    html = _page(client_for, world.users["contributor"])
    assert "Your feedback “Shops matter” was answered: say if the answer satisfies you" in html


def test_decision_in_an_area_she_gave_feedback_on(world: Any, client_for: Any) -> None:
    record.feedback(world, area="recruitment", title="Ask the carers too")
    record.decision(world, title="Recruit through GP surgeries only")
    html = _page(client_for, world.users["contributor"])
    assert "A decision was recorded on something you gave feedback on" in html
    assert "Recruit through GP surgeries only" in html


def test_needs_across_projects_cost_few_queries(world: Any, client_for: Any) -> None:
    contributor = world.users["contributor"]
    client = client_for(contributor)
    client.get("/home/")
    with CaptureQueriesContext(connection) as small:
        client.get("/home/")
    for i in range(4):
        project = make_project(world.users["lead"], f"Another {i}")
        add_member(project, world.users["lead"], contributor, "contributor")
    with CaptureQueriesContext(connection) as cold:
        html = client.get("/home/").content.decode()
    assert "Another 3" in html
    with CaptureQueriesContext(connection) as warm:
        client.get("/home/")
    # Kept while no log moves; cold or warm, no query per project.
    assert len(warm.captured_queries) <= len(small.captured_queries)
    assert len(cold.captured_queries) <= len(small.captured_queries) + 12


def test_header_links_home_without_the_reviewer_link(world: Any, client_for: Any) -> None:
    html = client_for(world.users["contributor"]).get("/projects/").content.decode()
    assert 'href="/home/"' in html
    assert "Concerns sent to you" not in html


def test_funder_reviewer_gets_the_concerns_inbox_in_the_menu(world: Any, client_for: Any) -> None:
    html = client_for(world.users["funder"]).get("/home/").content.decode()
    assert 'href="/concerns/inbox/"' in html


def test_outsider_sees_nothing_of_the_project(world: Any, client_for: Any) -> None:
    agreement.proposed(world)
    record.feedback(world, title="Shops matter")
    html = _page(client_for, world.users["outsider"])
    assert "World project" not in html
    assert "Nothing is waiting for you" in html
