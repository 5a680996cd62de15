"""Verification services: every step a ledger event; bad input refused with a plain message
and nothing half-written; the lead gains nothing of the funder's (separation of powers)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.verification.helpers import TEXT, answers, contributors, draft, later, sent
from workings.core import clock
from workings.core.exceptions import Conflict, NotAllowed, NotFound, ValidationFailed
from workings.events.audit import verify_project
from workings.events.models import Entry
from workings.verification import services
from workings.verification.claims import split_claims
from workings.verification.models import (
    Answer,
    Claim,
    Recipient,
    Response,
    Result,
    VerificationRequest,
)

pytestmark = pytest.mark.django_db


def _types(world: Any) -> list[str]:
    return list(
        Entry.objects.filter(log__project=world.project)
        .order_by("seq")
        .values_list("type", flat=True)
    )


def test_the_text_is_split_into_claims_by_sentence() -> None:
    assert split_claims("## Heading\n\n" + TEXT) == [
        "Contributors chose the main outcome.",
        "They were paid for every meeting.",
        "They co-wrote the plain-English summary.",
    ]


def test_a_reviewer_drafts_edits_and_sends_to_current_and_former_contributors(world: Any) -> None:
    people = contributors(world)
    request = draft(world)
    assert [c.text for c in request.claims.all()][0] == "Contributors chose the main outcome."
    services.claims_edit(
        actor=world.users["funder"],
        request=request,
        claims=["Contributors chose the main outcome.", "They were paid within 30 days."],
    )
    assert [c.text for c in request.claims.filter(removed=False)] == [
        "Contributors chose the main outcome.",
        "They were paid within 30 days.",
    ]
    assert request.claims.filter(removed=True).count() == 1
    request, tokens = services.request_send(actor=world.users["funder"], request=request)
    assert request.status == "open"
    asked = set(Recipient.objects.filter(request=request).values_list("user_id", flat=True))
    assert asked == {u.pk for u in people}
    assert set(tokens) == {world.extra["former"].pk}
    assert Recipient.objects.get(user=world.extra["former"]).token_hash not in tokens.values()
    assert _types(world)[-3:] == [
        "verification.created",
        "verification.claims_edited",
        "verification.sent",
    ]
    assert verify_project(world.project).ok


def test_the_lead_cannot_draft_send_close_or_read_answers(world: Any) -> None:
    contributors(world)
    lead = world.users["lead"]
    with pytest.raises(NotAllowed):
        services.request_create(
            actor=lead, project=world.project, title="", deadline=later(), source="annex", text=TEXT
        )
    request = draft(world)
    with pytest.raises(NotAllowed):
        services.claims_edit(actor=lead, request=request, claims=["Rewritten by the lead."])
    with pytest.raises(NotAllowed):
        services.request_send(actor=lead, request=request)
    services.request_send(actor=world.users["funder"], request=request)
    with pytest.raises(NotAllowed):
        services.request_close(actor=lead, request=request)
    with pytest.raises(NotAllowed):
        services.answer_as_member(actor=lead, request=request, answers=answers(request))


def test_bad_input_is_refused_and_nothing_is_written(world: Any) -> None:
    contributors(world)
    funder = world.users["funder"]
    before = Entry.objects.count()
    with pytest.raises(ValidationFailed, match="no claims"):
        draft(world, text="   ")
    with pytest.raises(ValidationFailed, match="after today"):
        services.request_create(
            actor=funder,
            project=world.project,
            title="",
            deadline=clock.today(),
            source="annex",
            text=TEXT,
        )
    with pytest.raises(ValidationFailed, match="involvement section"):
        services.request_create(
            actor=funder, project=world.project, title="", deadline=later(), source="involvement"
        )
    request = draft(world)
    with pytest.raises(ValidationFailed, match="no claims"):
        services.claims_edit(actor=funder, request=request, claims=["", "  "])
    assert Entry.objects.count() == before + 1
    assert VerificationRequest.objects.count() == 1


def test_a_claim_list_sent_to_no_one_is_refused(world: Any) -> None:
    from workings.projects.models import Membership

    request = draft(world)
    Membership.objects.filter(project=world.project, role="contributor").update(role="observer")
    with pytest.raises(ValidationFailed, match="no one to ask"):
        services.request_send(actor=world.users["funder"], request=request)
    request.refresh_from_db()
    assert request.status == "draft" and not Recipient.objects.exists()


def test_answering_twice_and_after_close_are_refused(world: Any) -> None:
    request, _ = sent(world)
    me = world.users["contributor"]
    services.answer_as_member(actor=me, request=request, answers=answers(request, "dispute"))
    with pytest.raises(Conflict, match="already answered"):
        services.answer_as_member(actor=me, request=request, answers=answers(request))
    services.request_close(actor=world.users["funder"], request=request)
    other = world.extra["asked"][1]
    with pytest.raises(Conflict, match="closed"):
        services.answer_as_member(actor=other, request=request, answers=answers(request))
    assert Response.objects.count() == 1


def test_every_claim_needs_an_answer(world: Any) -> None:
    request, _ = sent(world)
    partial = answers(request)
    partial.pop(next(iter(partial)))
    with pytest.raises(ValidationFailed, match="claim 1"):
        services.answer_as_member(
            actor=world.users["contributor"], request=request, answers=partial
        )
    assert not Answer.objects.exists()
    assert not Recipient.objects.filter(answered=True).exists()


def test_a_former_contributor_answers_once_by_link(world: Any) -> None:
    request, tokens = sent(world)
    token = tokens[world.extra["former"].pk]
    services.answer_by_link(token=token, answers=answers(request, "dispute"), anonymous=True)
    with pytest.raises(Conflict, match="already been used"):
        services.answer_by_link(token=token, answers=answers(request))
    with pytest.raises(NotFound, match="not valid"):
        services.link_recipient("not-a-token")
    response = Response.objects.get()
    assert response.person_id is None


def test_an_expired_link_is_refused(world: Any) -> None:
    import datetime as dt

    request, tokens = sent(world)
    token = tokens[world.extra["former"].pk]
    with clock.frozen_at(clock.now() + dt.timedelta(days=30)):
        with pytest.raises(Conflict, match="expired"):
            services.answer_by_link(token=token, answers=answers(request))
    assert not Response.objects.exists()


def test_a_reminder_gives_a_former_contributor_a_new_link_and_the_old_stops(world: Any) -> None:
    request, tokens = sent(world)
    old = tokens[world.extra["former"].pk]
    assert services.request_remind(actor=world.users["funder"], request=request) == 5
    with pytest.raises(NotFound):
        services.link_recipient(old)
    with pytest.raises(Conflict, match="reminded today"):
        services.request_remind(actor=world.users["funder"], request=request)


def test_answers_are_sealed_and_anonymous_ones_name_no_one(world: Any) -> None:
    request, _ = sent(world)
    me = world.users["contributor"]
    services.answer_as_member(actor=me, request=request, answers=answers(request), anonymous=True)
    entry = Entry.objects.filter(log__project=world.project).order_by("-seq").first()
    assert entry.sealed and entry.actor_id is None
    assert entry.recorded_at.hour == 0 and entry.recorded_at.minute == 0
    assert Response.objects.get().person_id is None
    assert str(me.pk) not in str(entry.content.body if hasattr(entry, "content") else "")


def test_closing_with_fewer_than_three_answers_shows_nothing(world: Any) -> None:
    request, _ = sent(world)
    people = world.extra["asked"]
    for person in people[:2]:
        services.answer_as_member(
            actor=person, request=request, answers=answers(request, "dispute")
        )
    services.request_close(actor=world.users["funder"], request=request)
    result = Result.objects.get()
    assert (result.asked, result.answered, result.shown) == (5, 2, False)
    assert result.counts == [] and result.disputed == []


def test_closing_counts_answers_and_keeps_only_allowed_comments(world: Any) -> None:
    request, tokens = sent(world)
    people = world.extra["asked"]
    services.answer_as_member(
        actor=people[0],
        request=request,
        answers=answers(request, "dispute", comment="We were told, not asked.", in_annex=True),
    )
    services.answer_as_member(
        actor=people[1],
        request=request,
        answers=answers(request, "dispute", comment="Keep this private.", in_annex=False),
    )
    services.answer_by_link(
        token=tokens[world.extra["former"].pk], answers=answers(request, "partly"), anonymous=True
    )
    services.request_close(actor=world.users["funder"], request=request)
    result = Result.objects.get()
    assert result.shown and result.answered == 3
    first = result.counts[0]
    assert (first["confirm"], first["partly"], first["dispute"], first["unsure"]) == (0, 1, 2, 0)
    assert result.disputed == [
        {
            "claim": 1,
            "text": "Contributors chose the main outcome.",
            "dispute": 2,
            "partly": 1,
            "comments": ["We were told, not asked."],
        }
    ]
    assert _types(world)[-1] == "verification.closed"
    assert verify_project(world.project).ok


def test_the_worker_reminds_then_closes_after_the_deadline(world: Any) -> None:
    import datetime as dt

    from workings.verification.reminders import verification_reminders

    request, _ = sent(world)
    week_before = request.deadline - dt.timedelta(days=7)
    with clock.frozen_at(dt.datetime.combine(week_before, dt.time(9), tzinfo=dt.UTC)):
        counts = verification_reminders(week_before, None)
    assert counts["verification_reminded"] == 5
    after = request.deadline + dt.timedelta(days=1)
    with clock.frozen_at(dt.datetime.combine(after, dt.time(9), tzinfo=dt.UTC)):
        counts = verification_reminders(after, None)
    assert counts["verification_closed"] == 1
    request.refresh_from_db()
    assert request.status == "closed" and Result.objects.filter(request=request).exists()


def test_claims_cannot_change_once_sent(world: Any) -> None:
    request, _ = sent(world)
    with pytest.raises(Conflict, match="sent"):
        services.claims_edit(actor=world.users["funder"], request=request, claims=["New."])
    assert not Claim.objects.filter(text="New.").exists()


def test_a_reviewer_of_another_organisation_is_refused(world: Any) -> None:
    from tests.factories import make_funder, make_user

    stranger = make_user("other.reviewer@example.org", "Other Reviewer")
    make_funder(
        world.other_project, world.users["other_lead"], reviewers=[stranger], name="Other Fund"
    )
    contributors(world)
    with pytest.raises(NotAllowed):
        services.request_create(
            actor=stranger,
            project=world.project,
            title="",
            deadline=later(),
            source="annex",
            text=TEXT,
        )
    request = draft(world)
    with pytest.raises(NotAllowed):
        services.request_send(actor=stranger, request=request)
    assert VerificationRequest.objects.count() == 1
