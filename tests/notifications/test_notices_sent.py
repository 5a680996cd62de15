"""Notices that tell people what needs them, checked by what each notice says and to whom:
feedback answered, decision recorded, agreement and document waiting, minutes, payment."""

from __future__ import annotations

from typing import Any

import pytest

from tests.agreements import helpers as agreement
from tests.documents.helpers import agree_documents, summary
from tests.money import helpers as money
from tests.record import helpers as record
from workings.documents import services as documents
from workings.money import services as payments
from workings.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _titles(user: Any, kind: str) -> list[str]:
    return list(Notification.objects.filter(user=user, kind=kind).values_list("title", flat=True))


def test_contributor_is_told_her_feedback_was_answered_with_the_answer(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    item = record.feedback(world, title="Shops matter")
    with django_capture_on_commit_callbacks(execute=True):
        record.answer(world, item, what_done="Added it as a secondary outcome.")
    (title,) = _titles(world.users["contributor"], "feedback.answered")
    assert "Shops matter" in title and "Partly adopted" in title
    assert "Added it as a secondary outcome." in title
    assert _titles(world.users["researcher"], "feedback.answered") == []


def test_a_rolled_back_answer_tells_nobody(world: Any, django_capture_on_commit_callbacks: Any):
    from workings.core.exceptions import ValidationFailed

    item = record.feedback(world, title="Shops matter")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationFailed):
        record.answer(world, item, what_done="")
    assert not Notification.objects.filter(kind="feedback.answered").exists()


def test_contributors_are_told_a_decision_was_recorded(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        record.decision(world, title="Recruit through GP surgeries only")
    (title,) = _titles(world.users["contributor"], "decision.recorded")
    assert "Recruit through GP surgeries only" in title
    assert _titles(world.users["observer"], "decision.recorded") == []


def test_parties_are_asked_to_sign_a_proposed_agreement(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        agreement.proposed(world)
    (notice,) = Notification.objects.filter(
        user=world.users["contributor"], kind="agreement.to_sign"
    )
    assert "waiting for your signature" in notice.title and notice.due_to_me
    assert notice.url == f"/projects/{world.project.slug}/agreement/versions/1/"
    assert _titles(world.users["observer"], "agreement.to_sign") == []
    assert _titles(world.users["lead"], "agreement.to_sign") == []  # the lead proposed it


def test_owners_are_asked_to_approve_a_new_version(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    agree_documents(world, owners=[world.users["contributor"]])
    doc = summary(world)
    with django_capture_on_commit_callbacks(execute=True):
        documents.version_propose(
            actor=world.users["researcher"], document=doc, base=1, text="A new text for all."
        )
    (title,) = _titles(world.users["contributor"], "document.to_approve")
    assert "Version 2" in title and "waiting for your approval" in title
    assert _titles(world.users["lead"], "document.to_approve") == []


def test_people_who_took_part_are_asked_to_review_the_minutes(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        record.meeting(world, title="Steering group")
    (title,) = _titles(world.users["contributor"], "meeting.minutes")
    assert "Steering group" in title and "say if anything is missing" in title
    assert _titles(world.users["lead"], "meeting.minutes") == []  # wrote them


def test_contributor_is_told_her_claim_was_paid(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    money.terms(world)
    claim = money.claim(world)
    payments.claim_approve(actor=world.users["lead"], claim=claim)
    with django_capture_on_commit_callbacks(execute=True):
        payments.claim_pay(actor=world.users["lead"], claim=claim)
    (title,) = _titles(world.users["contributor"], "money.paid")
    assert "Review the leaflet" in title and "was paid on" in title
    assert _titles(world.users["researcher"], "money.paid") == []


def test_the_header_counts_the_unread_notice(
    world: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    item = record.feedback(world, title="Shops matter")
    with django_capture_on_commit_callbacks(execute=True):
        record.answer(world, item)
    html = client_for(world.users["contributor"]).get("/projects/").content.decode()
    assert '<span class="count-badge">1<span class="visually-hidden"> new notice</span>' in html
    home = client_for(world.users["contributor"]).get("/home/").content.decode()
    assert "Your feedback “Shops matter” was answered: Partly adopted." in home
