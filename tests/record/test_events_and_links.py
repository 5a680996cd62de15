"""Every write is exactly one ledger event; the concern link; public reading."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import NoReverseMatch, reverse

from tests.record import helpers as h
from workings.events.models import Entry
from workings.record import services

pytestmark = pytest.mark.django_db


def _events(world: Any) -> list[str]:
    return list(
        Entry.objects.filter(log__project=world.project)
        .order_by("seq")
        .values_list("type", flat=True)
    )


def test_every_write_is_one_event(world: Any) -> None:
    p, lead, c = world.project, world.users["lead"], world.users["contributor"]
    steps = [
        ("record.meeting_recorded", lambda: h.meeting(world)),
        ("record.feedback_given", lambda: h.feedback(world)),
        ("record.decision_recorded", lambda: h.decision(world)),
        ("record.disagreement_recorded", lambda: h.disagreement(world)),
        ("record.account_written", lambda: h.account(world)),
    ]
    made = {}
    for expected, step in steps:
        before = len(_events(world))
        made[expected] = step()
        after = _events(world)
        assert len(after) == before + 1 and after[-1] == expected
    fb = made["record.feedback_given"]
    dis = made["record.disagreement_recorded"]
    more = [
        ("record.feedback_answered", lambda: h.answer(world, fb)),
        (
            "record.feedback_satisfaction",
            lambda: services.feedback_mark_satisfaction(
                actor=c, project=p, item_id=fb.pk, satisfied=True
            ),
        ),
        (
            "record.decision_view",
            lambda: services.decision_view_give(
                actor=c,
                project=p,
                item_id=made["record.decision_recorded"].pk,
                stance="mixed",
                words="Both.",
            ),
        ),
        (
            "record.position_written",
            lambda: services.position_write(actor=c, project=p, item_id=dis.pk, text="A"),
        ),
        (
            "record.disagreement_outcome",
            lambda: services.disagreement_settle(
                actor=lead, project=p, item_id=dis.pk, outcome="unresolved", outcome_text="No."
            ),
        ),
        (
            "record.account_edited",
            lambda: services.account_edit(
                actor=c, project=p, item_id=made["record.account_written"].pk, text="Changed"
            ),
        ),
        (
            "record.correction_made",
            lambda: services.correction_make(
                actor=lead, project=p, item_id=fb.pk, text="Wrong date."
            ),
        ),
    ]
    for expected, step in more:
        before = len(_events(world))
        step()
        after = _events(world)
        assert len(after) == before + 1 and after[-1] == expected


def test_turn_into_a_concern_link_only_when_concerns_exist(world: Any, client_for: Any) -> None:
    item = h.feedback(world)
    page = client_for(world.users["contributor"]).get(
        reverse("record:item", kwargs={"slug": world.project.slug, "pk": item.pk})
    )
    try:
        raise_url = reverse("concerns:raise", kwargs={"slug": world.project.slug})
    except NoReverseMatch:
        assert b"Turn this into a concern" not in page.content
    else:
        assert f'href="{raise_url}?link=feedback:{item.pk}"'.encode() in page.content
    # Who may raise a concern is the project policy's decision, not this page's.
    from workings.projects.permissions import project_policy

    for role in ("observer", "funder", "lead"):
        user = world.users[role]
        shown = (
            b"Turn this into a concern"
            in client_for(user)
            .get(reverse("record:item", kwargs={"slug": world.project.slug, "pk": item.pk}))
            .content
        )
        allowed = project_policy.can(user, "raise_concern", world.project)
        assert shown == (allowed and raise_url_exists())


def raise_url_exists() -> bool:
    try:
        reverse("concerns:raise", kwargs={"slug": "x"})
    except NoReverseMatch:
        return False
    return True


def test_published_record_is_public(world: Any, client_for: Any) -> None:
    from workings.projects import services as ps

    h.meeting(world, title="Public meeting")
    ps.project_update(
        actor=world.users["lead"],
        project=world.project,
        **{**world.project.snapshot(), "is_published": True},
    )
    page = client_for(None).get(reverse("record:timeline", kwargs={"slug": world.project.slug}))
    assert page.status_code == 200 and "Public meeting" in page.content.decode()
    assert "Record a meeting" not in page.content.decode()
