""" "Not yet decided" is not an answer: the feedback stays open with a date by which a real
answer is due (required), shown on the entry, reminded and flagged when it passes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.record.helpers import answer, feedback
from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.events.models import Entry
from workings.record import services
from workings.record.models import Item
from workings.record.reminders import feedback_reminders

pytestmark = pytest.mark.django_db


def _later(days: int = 30) -> dt.date:
    return clock.today() + dt.timedelta(days=days)


def test_the_date_for_a_real_answer_is_required_and_nothing_is_half_written(world: Any) -> None:
    item = feedback(world)
    entries = Entry.objects.count()
    with pytest.raises(ValidationFailed) as error:
        answer(world, item, outcome="not_yet_decided")
    assert error.value.field == "answer_due_on"
    assert "Enter the date by which you will give a real answer" in error.value.message
    with pytest.raises(ValidationFailed, match="after today"):
        answer(world, item, outcome="not_yet_decided", answer_due_on=clock.today())
    item.refresh_from_db()
    assert item.is_open and item.feedback.answered_at is None
    assert Entry.objects.count() == entries


def test_not_yet_decided_keeps_it_open_until_the_real_answer(world: Any) -> None:
    item = feedback(world)
    answer(world, item, outcome="not_yet_decided", answer_due_on=_later().isoformat())
    item = Item.objects.get(pk=item.pk)
    assert item.is_open and item.due_on == _later()
    entry = Entry.objects.filter(type="record.feedback_answered").latest("seq")
    # The contributor cannot judge a non-answer.
    with pytest.raises((NotAllowed, ValidationFailed)):
        services.feedback_mark_satisfaction(
            actor=world.users["contributor"], project=world.project, item_id=item.pk, satisfied=True
        )
    assert entry is not None
    answer(world, item, outcome="adopted", what_done="We measure it now.", why="You were right.")
    item = Item.objects.get(pk=item.pk)
    assert not item.is_open and item.feedback.outcome == "adopted"
    with pytest.raises(ValidationFailed, match="already answered"):
        answer(world, item, outcome="adopted")


def test_the_entry_shows_the_date_and_flags_it_when_overdue(world: Any, client_for: Any) -> None:
    item = feedback(world, title="Shops matter")
    answer(world, item, outcome="not_yet_decided", answer_due_on=_later(10))
    client = client_for(world.users["contributor"])
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Not yet decided." in html
    assert "a real answer is due by" in html and _later(10).strftime("%Y") in html
    Item.objects.filter(pk=item.pk).update(due_on=clock.today() - dt.timedelta(days=1))
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Overdue" in html


def test_the_overdue_real_answer_is_reminded(world: Any) -> None:
    item = feedback(world)
    answer(world, item, outcome="not_yet_decided", answer_due_on=_later(5))
    sent: list[dict[str, Any]] = []

    def notify(**notice: Any) -> list[Any]:
        sent.append(notice)
        return list(notice["user_ids"])

    assert feedback_reminders(_later(6), notify)["feedback_overdue"] >= 1
    assert sent[0]["key"].endswith(_later(5).isoformat())
    assert world.users["contributor"].pk in sent[0]["user_ids"]


def test_the_answer_form_offers_the_date(world: Any, client_for: Any) -> None:
    item = feedback(world)
    url = f"/projects/{world.project.slug}/working-record/{item.pk}/answer/"
    html = client_for(world.users["researcher"]).get(url).content.decode()
    assert 'name="answer_due_on"' in html
    response = client_for(world.users["researcher"]).post(
        url,
        {
            "outcome": "not_yet_decided",
            "what_done": "We are asking the statistician.",
            "why": "It needs a sample size check.",
        },
    )
    assert response.status_code == 400
    assert "Enter the date by which you will give a real answer" in response.content.decode()
