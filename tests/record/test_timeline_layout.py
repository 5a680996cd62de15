"""The working record page puts the entries first: the filter sits in a collapsible panel
after them (open when filters are in use), and each person sees only the actions they may
take, in one menu (no list of buttons with stray bullets)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.record.helpers import feedback, meeting

pytestmark = pytest.mark.django_db


def _url(world: Any) -> str:
    return f"/projects/{world.project.slug}/working-record/"


def test_the_first_entry_comes_before_the_filter(world: Any, client_for: Any) -> None:
    meeting(world, title="Steering group")
    html = client_for(world.users["contributor"]).get(_url(world)).content.decode()
    assert html.index("Steering group") < html.index('id="find"')
    assert '<details class="panel record-filter-panel" id="find">' in html  # closed
    assert html.index("Steering group") < html.index('name="kind"') or 'name="kind"' not in html


def test_the_filter_opens_when_in_use(world: Any, client_for: Any) -> None:
    meeting(world, title="Steering group")
    html = client_for(world.users["lead"]).get(_url(world) + "?kind=meeting").content.decode()
    assert 'id="find" open>' in html
    assert "Only entries that match your filters are shown." in html


def test_only_the_actions_the_person_may_take(world: Any, client_for: Any) -> None:
    html = client_for(world.users["contributor"]).get(_url(world)).content.decode()
    assert "Add to the record" in html and "Write in your own words" in html
    assert "record-actions" not in html  # no bulleted list of buttons
    researcher = client_for(world.users["researcher"]).get(_url(world)).content.decode()
    assert "Record a decision" in researcher and "Write in your own words" not in researcher
    observer = client_for(world.users["observer"]).get(_url(world)).content.decode()
    assert "Add to the record" not in observer and "Record a meeting" not in observer


def test_needs_here_is_one_collapsible_line(world: Any, client_for: Any) -> None:
    feedback(world, title="Shops matter")
    html = client_for(world.users["lead"]).get(_url(world)).content.decode()
    assert '<details class="panel needs-panel">' in html
    assert "Needs you here" in html
