"""send-reminders: due-in-2-days and overdue notices, once each, and preferences."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from tests.concerns.helpers import DAY0, raise_open
from workings.core.clock import frozen_at
from workings.notifications import services
from workings.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = StringIO()
    call_command("send-reminders", stdout=out)
    return out.getvalue()


def test_due_soon_and_overdue_are_sent_once(world: Any) -> None:
    with frozen_at(DAY0):
        raise_open(world)
    lead = world.users["lead"]
    with frozen_at(DAY0 + dt.timedelta(days=8)):
        _run()
        _run()
    due = Notification.objects.filter(user=lead, kind="concern.due_soon")
    assert due.count() == 1 and due.get().due_to_me
    with frozen_at(DAY0 + dt.timedelta(days=11)):
        _run()
        _run()
    assert Notification.objects.filter(user=lead, kind="concern.overdue").count() == 1
    raiser = world.users["contributor"]
    assert Notification.objects.filter(user=raiser, kind="concern.overdue").count() == 1


def test_overdue_feedback_is_flagged_to_the_leads_and_the_giver_once(world: Any) -> None:
    from tests.record.helpers import feedback

    with frozen_at(DAY0):
        item = feedback(world)
    with frozen_at(DAY0 + dt.timedelta(days=13)):
        _run()
    assert not Notification.objects.filter(kind="feedback.overdue").exists()
    with frozen_at(DAY0 + dt.timedelta(days=20)):
        _run()
        _run()
    notices = Notification.objects.filter(kind="feedback.overdue")
    assert {n.user_id for n in notices} == {world.users["lead"].pk, world.users["contributor"].pk}
    assert all(n.due_to_me and item.title in n.title for n in notices)


def test_preferences_decide_what_is_emailed(world: Any) -> None:
    lead = world.users["lead"]
    services.preference_set(actor=lead, project=world.project, mode="due")
    services.notify(user_ids=[lead.pk], project=world.project, kind="x", title="Not due")
    assert not [m for m in mail.outbox if lead.email in m.to]
    services.notify(
        user_ids=[lead.pk], project=world.project, kind="x", title="Due", due_to_me=True
    )
    assert len([m for m in mail.outbox if lead.email in m.to]) == 1
    services.preference_set(actor=lead, project=world.project, mode="digest")
    services.notify(user_ids=[lead.pk], project=world.project, kind="x", title="Later")
    assert len(mail.outbox) == 1
    assert services.digests_send() == 1
    assert services.digests_send() == 0  # at most one a day
    assert "Later" in mail.outbox[-1].body


def test_preference_for_a_project_you_are_not_in_is_refused(world: Any) -> None:
    from workings.core.exceptions import NotFound

    with pytest.raises(NotFound):
        services.preference_set(actor=world.users["outsider"], project=world.project, mode="every")


def test_notices_list_only_my_own(world: Any, client_for: Any) -> None:
    services.notify(
        user_ids=[world.users["lead"].pk], project=world.project, kind="x", title="For the lead"
    )
    page = client_for(world.users["researcher"]).get("/notifications/")
    assert "For the lead" not in page.content.decode()
    page = client_for(world.users["lead"]).get("/notifications/")
    assert "For the lead" in page.content.decode()
