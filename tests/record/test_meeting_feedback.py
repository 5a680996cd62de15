"""Feedback after a meeting: a route from the meeting page with the meeting filled in, the
research area optional ("Not sure"), and only the fields the person's role needs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.record.helpers import meeting
from workings.core.exceptions import ValidationFailed
from workings.record import services
from workings.record.models import Item

pytestmark = pytest.mark.django_db


def _form(world: Any) -> str:
    return f"/projects/{world.project.slug}/working-record/feedback/new/"


def test_the_meeting_page_offers_feedback_with_the_meeting_filled_in(
    world: Any, client_for: Any
) -> None:
    item = meeting(world, title="Steering group")
    client = client_for(world.users["contributor"])
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Give feedback on this meeting" in page
    assert f"{_form(world)}?meeting={item.pk}" in page
    form = client.get(f"{_form(world)}?meeting={item.pk}").content.decode()
    assert "Give feedback on the meeting “Steering group”" in form
    assert f'name="about" value="{item.pk}"' in form
    assert "Not sure" in form
    # A contributor speaks for herself: no researcher-only field.
    assert 'name="on_behalf_of"' not in form
    assert (
        "observer"
        and "Give feedback on this meeting"
        not in client_for(world.users["observer"]).get(item.get_absolute_url()).content.decode()
    )


def test_researchers_see_on_behalf_of(world: Any, client_for: Any) -> None:
    html = client_for(world.users["researcher"]).get(_form(world)).content.decode()
    assert 'name="on_behalf_of"' in html


def test_feedback_without_an_area_is_kept_with_its_meeting(world: Any, client_for: Any) -> None:
    item = meeting(world, title="Steering group")
    response = client_for(world.users["contributor"]).post(
        _form(world),
        {"about": item.pk, "area": "", "title": "Too fast", "text": "The slides went too fast."},
    )
    assert response.status_code == 302
    given = Item.objects.get(title="Too fast")
    assert given.about_id == item.pk and given.area == ""
    page = client_for(world.users["lead"]).get(given.get_absolute_url()).content.decode()
    assert "This feedback is about the meeting" in page and "Steering group" in page
    meeting_page = client_for(world.users["lead"]).get(item.get_absolute_url()).content.decode()
    assert "Feedback on this meeting" in meeting_page and "Too fast" in meeting_page


def test_feedback_about_something_that_is_not_a_meeting_is_refused(world: Any) -> None:
    other = services.feedback_give(
        actor=world.users["contributor"], project=world.project, area="", title="A", text="B"
    )
    with pytest.raises(ValidationFailed, match="could not find that meeting"):
        services.feedback_give(
            actor=world.users["contributor"],
            project=world.project,
            area="",
            title="C",
            text="D",
            about=other.pk,
        )
