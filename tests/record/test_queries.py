"""The timeline's query count does not grow with the record (10 vs 10,000 entries), and it
pages by keyset, never OFFSET."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.record import helpers as h
from workings.core import clock
from workings.record.models import Decision, Feedback, Item, ItemPerson, Kind

pytestmark = pytest.mark.django_db

KINDS = [Kind.MEETING, Kind.FEEDBACK, Kind.DECISION, Kind.ACCOUNT]


def bulk_items(world: Any, n: int) -> None:
    """n entries straight into the tables (bulk_create: this is about reading, not writing)."""
    lead = world.users["lead"]
    member = world.memberships["lead"]
    start = dt.date(2020, 1, 1)
    now = clock.now()
    items = Item.objects.bulk_create(
        [
            Item(
                project=world.project,
                kind=KINDS[i % 4],
                area="methods" if i % 3 else "",
                occurred_on=start + dt.timedelta(days=i % 2000),
                created_at=now,
                author=lead,
                author_membership=member,
                title=f"Entry {i}",
                body=f"Body of entry {i}",
                is_open=KINDS[i % 4] == Kind.FEEDBACK,
                due_on=start if KINDS[i % 4] == Kind.FEEDBACK else None,
            )
            for i in range(n)
        ],
        batch_size=1000,
    )
    Feedback.objects.bulk_create(
        [Feedback(item=i) for i in items if i.kind == Kind.FEEDBACK], batch_size=1000
    )
    Decision.objects.bulk_create(
        [
            Decision(item=i, decided_by="TMG", influence="informed", promised="collaborating")
            for i in items
            if i.kind == Kind.DECISION
        ],
        batch_size=1000,
    )
    ItemPerson.objects.bulk_create(
        [ItemPerson(item=i, membership=member) for i in items], batch_size=1000
    )


def _timeline_queries(client: Any, url: str, *, cold: bool = True) -> tuple[int, list[str]]:
    from workings.record import fragments

    if cold:  # the rows are cached per log size; measure the path that builds them
        fragments.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?kind=feedback&status=overdue",
        "?q=entry+1&area=methods",
        "?person=PERSON&date_from=2020-03-01",
    ],
)
def test_timeline_query_count_is_constant(world: Any, client_for: Any, query: str) -> None:
    h.meeting(world)
    h.feedback(world)
    client = client_for(world.users["contributor"])
    url = reverse("record:timeline", kwargs={"slug": world.project.slug}) + query.replace(
        "PERSON", str(world.memberships["lead"].pk)
    )
    client.get(url)  # warm the session
    bulk_items(world, 10)
    small, _ = _timeline_queries(client, url)
    bulk_items(world, 10_000 - 10)
    assert Item.objects.count() >= 10_000
    large, sqls = _timeline_queries(client, url)
    assert large == small, f"{small} queries with 10 entries, {large} with 10,000"
    assert not any("OFFSET" in sql.upper() for sql in sqls)
    warm, _ = _timeline_queries(client, url, cold=False)
    assert warm < large  # served from the fragment cache: the version check replaces the rows


def test_cached_rows_change_with_every_write(world: Any, client_for: Any) -> None:
    client = client_for(world.users["observer"])
    url = reverse("record:timeline", kwargs={"slug": world.project.slug})
    h.meeting(world, title="First meeting")
    assert "First meeting" in client.get(url).content.decode()
    h.feedback(world, title="Brand new feedback")
    page = client.get(url).content.decode()
    assert "Brand new feedback" in page and "First meeting" in page


def test_keyset_pages_cover_everything_once(world: Any, client_for: Any) -> None:
    from workings.record import selectors

    bulk_items(world, 260)
    seen: list[int] = []
    cursor = None
    while True:
        page = selectors.timeline_page(
            project=world.project, filters=selectors.TimelineFilter(), cursor=cursor
        )
        seen.extend(r.pk for r in page.rows if isinstance(r, Item))
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert len(seen) == len(set(seen)) == 260


def test_members_who_left_appear_once_with_their_reason(world: Any, client_for: Any) -> None:
    from workings.projects import services as ps

    h.meeting(world)
    ps.membership_leave(
        actor=world.users["contributor"],
        project=world.project,
        reason="Caring duties",
        credit="anonymous",
        reason_public=True,  # the timeline is the same for every reader: public reasons only
    )
    page = client_for(world.users["observer"]).get(
        reverse("record:timeline", kwargs={"slug": world.project.slug})
    )
    text = page.content.decode()
    assert text.count("left the project") == 1
    assert "Caring duties" in text and "chose to stay anonymous" in text


def test_api_timeline_query_count_is_constant(world: Any, client_for: Any) -> None:
    client = client_for(world.users["lead"])
    url = f"/api/v1/projects/{world.project.slug}/record/items"
    bulk_items(world, 10)
    small, _ = _timeline_queries(client, url)
    bulk_items(world, 2000)
    large, _ = _timeline_queries(client, url)
    assert small == large
