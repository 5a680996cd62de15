"""The page header (count of new notices, a funder's menu links) is kept per process under
the person's header stamp: no query for it on most pages, and never stale, because every
change to what it shows raises the stamp."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workings.accounts import header
from workings.funders import services as funder_services
from workings.funders.models import AppointmentKind
from workings.notifications import services as notices

pytestmark = pytest.mark.django_db

BADGE = 'class="count-badge"'


def _queries(client: Any, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as seen:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in seen.captured_queries]


def test_a_second_page_asks_no_query_for_the_header(world: Any, client_for: Any) -> None:
    client = client_for(world.users["contributor"])
    first = _queries(client, "/about/")
    again = _queries(client, "/about/")
    assert any("notifications_notification" in q for q in first)
    assert any("funders_appointment" in q for q in first)
    assert not any("notifications_notification" in q for q in again)
    assert not any("funders_appointment" in q for q in again)
    assert len(again) == len(first) - 2


def test_a_new_notice_and_reading_it_show_at_once(world: Any, client_for: Any) -> None:
    person = world.users["contributor"]
    client = client_for(person)
    notices.notification_mark_read(actor=person)
    assert BADGE not in client.get("/about/").content.decode()
    notices.notify(user_ids=[person.pk], project=world.project, kind="test", title="Look")
    page = client.get("/about/").content.decode()
    assert BADGE in page and "1<span" in page
    notices.notification_mark_read(actor=person)
    assert BADGE not in client.get("/about/").content.decode()


def test_a_funder_post_given_and_ended_shows_in_the_menu_at_once(
    world: Any, client_for: Any
) -> None:
    person = world.users["outsider"]
    admin = world.extra["funder_admin"]
    fund = world.extra["funder_organisation"]
    client = client_for(person)
    portfolio = f'href="/funders/{fund.slug}/'
    assert portfolio not in client.get("/about/").content.decode()
    post = funder_services.appointment_create(
        actor=admin, organisation=fund, email=person.email, kind=AppointmentKind.REVIEWER
    )
    assert portfolio in client.get("/about/").content.decode()
    funder_services.appointment_end(actor=admin, organisation=fund, appointment_id=post.pk)
    assert portfolio not in client.get("/about/").content.decode()


def test_bump_raises_only_the_named_people(world: Any) -> None:
    a, b = world.users["contributor"], world.users["lead"]
    before = (a.header_stamp, b.header_stamp)
    header.bump([a.pk, a.pk, None])  # type: ignore[list-item]
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.header_stamp, b.header_stamp) == (before[0] + 1, before[1])
