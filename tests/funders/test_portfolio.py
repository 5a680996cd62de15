"""The portfolio: what it shows each funder person, its order and filters, its CSV and API,
and the bounded number of queries however many projects there are."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.concerns.helpers import raise_confidential, raise_open
from tests.factories import make_project
from workings.core import clock
from workings.funders import services as funder_services

pytestmark = pytest.mark.django_db


def _fund_more(world: Any, n: int, title: str = "Extra project") -> list[Any]:
    fund, admin = world.extra["funder_organisation"], world.extra["funder_admin"]
    made = []
    for i in range(n):
        project = make_project(world.users["other_lead"], f"{title} {i}")
        link = funder_services.project_funder_name(
            actor=world.users["other_lead"], project=project, organisation=fund
        )
        funder_services.project_funder_answer(actor=admin, link_id=link.pk, confirm=True)
        made.append(project)
    return made


def _url(world: Any, name: str = "funders:portfolio") -> str:
    return reverse(name, args=[world.extra["funder_organisation"].slug])


def test_the_reviewer_sees_every_funded_project_with_counts_never_sealed_words(
    world: Any, client_for: Any
) -> None:
    raise_open(world, subject="Meetings always at 9am")
    raise_confidential(world, subject="The lead shouted at me", what_happened="Private words")
    page = client_for(world.users["funder"]).get(_url(world)).content.decode()
    assert "World project" in page
    for heading in ("Agreement", "Overdue feedback", "Open concerns", "Private concerns"):
        assert heading in page
    assert "Late payments" in page and "Documents approved" in page
    assert "The lead shouted at me" not in page and "Private words" not in page
    assert "Meetings always at 9am" not in page  # counts only, even for open concerns
    assert reverse("concerns:list", args=[world.project.slug]) in page  # evidence link
    assert "Other project" not in page  # not funded by this organisation
    assert "Download as a spreadsheet (CSV)" in page


def test_overdue_concerns_are_flagged_and_come_first(world: Any, client_for: Any) -> None:
    _fund_more(world, 2)
    with clock.frozen_at(dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC)):
        raise_confidential(world)
    page = client_for(world.users["funder"]).get(_url(world) + "?sort=sealed_concerns")
    text = page.content.decode()
    assert "1 (1 overdue)" in text and "Needs attention" in text
    assert text.index("World project") < text.index("Extra project 0")
    only = client_for(world.users["funder"]).get(_url(world) + "?flagged=1")
    shown = only.content.decode()
    # Every project here lacks an agreement in force, so every one needs attention.
    assert "World project" in shown and "Showing 3 projects of 3." in shown
    assert 'value="1" checked' in shown


def test_filter_by_title_and_sort_by_project(world: Any, client_for: Any) -> None:
    _fund_more(world, 3)
    reviewer = client_for(world.users["funder"])
    text = reviewer.get(_url(world) + "?q=extra+project+1").content.decode()
    assert "Extra project 1" in text and "Extra project 2" not in text
    assert "Showing 1 project of 4." in text
    text = reviewer.get(_url(world) + "?sort=project&order=desc").content.decode()
    assert (
        text.index("World project") < text.index("Extra project 2") < text.index("Extra project 0")
    )
    assert 'aria-sort="descending"' in text


def test_the_csv_is_formula_safe(world: Any, client_for: Any) -> None:
    _fund_more(world, 1, title='=HYPERLINK("http://evil")')
    r = client_for(world.users["funder"]).get(_url(world, "funders:portfolio-csv"))
    assert r["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(r.streaming_content).decode())))
    assert rows[0][:4] == ["project", "project_address", "agreement", "agreement_flagged"]
    titles = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil") 0' in titles and "World project" in titles


def test_the_api_gives_the_same_figures(world: Any, client_for: Any) -> None:
    raise_confidential(world, subject="Secret subject")
    r = client_for(world.users["funder"]).get(_url(world, "api:funder_portfolio"))
    body = r.json()
    assert "Secret subject" not in r.content.decode()
    assert {c["key"] for c in body["columns"]} >= {"agreement", "sealed_concerns"}
    (row,) = body["projects"]
    assert row["slug"] == world.project.slug
    assert row["figures"]["sealed_concerns"]["value"] == 1


def test_nobody_outside_the_organisation_sees_it(world: Any, client_for: Any) -> None:
    for role in ("lead", "contributor", "outsider", "other_lead"):
        assert client_for(world.users[role]).get(_url(world)).status_code == 404
        csv_r = client_for(world.users[role]).get(_url(world, "funders:portfolio-csv"))
        assert csv_r.status_code == 404
        api = client_for(world.users[role]).get(_url(world, "api:funder_portfolio"))
        assert api.status_code == 404
    assert client_for(None).get(_url(world)).status_code == 302


def test_the_menu_offers_the_portfolio_and_the_inbox_to_funder_people_only(
    world: Any, client_for: Any
) -> None:
    home = reverse("projects:list")
    funder = client_for(world.users["funder"]).get(home).content.decode()
    assert f'href="{_url(world)}"' in funder and reverse("concerns:inbox") in funder
    admin = client_for(world.extra["funder_admin"]).get(home).content.decode()
    assert f'href="{_url(world)}"' in admin and reverse("concerns:inbox") not in admin
    lead = client_for(world.users["lead"]).get(home).content.decode()
    assert "Portfolio" not in lead and reverse("concerns:inbox") not in lead


def _queries(client: Any, url: str) -> int:
    from workings.accounts import header

    header.clear()  # the page header's queries counted every time (accounts/header.py)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(ctx.captured_queries)


def test_the_query_count_does_not_grow_with_the_projects(world: Any, client_for: Any) -> None:
    reviewer = client_for(world.users["funder"])
    raise_confidential(world)
    few = _queries(reviewer, _url(world))
    api_few = _queries(reviewer, _url(world, "api:funder_portfolio"))
    _fund_more(world, 12)
    many = _queries(reviewer, _url(world))
    assert many == few
    # session, user, the organisation, the reader's posts, the funded projects, the witness
    # alarms, the notices count, the menu; then one query per column (nine columns: the
    # concerns' two read the concerns twice), one for the audit intervals and one for the
    # key under which the table is kept (tests/funders/test_portfolio_speed.py).
    assert many <= 19, many
    assert _queries(reviewer, _url(world, "api:funder_portfolio")) == api_few
    # The CSV and the API share the page's kept rows: once the page has made them, each
    # costs the request's own few queries and the key's one, however many projects.
    raise_open(world)  # a log moves: nothing kept fits any more
    assert _queries(reviewer, _url(world, "funders:portfolio-csv")) <= many
    for name in ("funders:portfolio-csv", "api:funder_portfolio"):
        kept = _queries(reviewer, _url(world, name))
        assert kept <= 5, (name, kept)
