from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest

from tests.agreements.helpers import in_force, proposed, save, sign, start
from workings.agreements import selectors, services
from workings.agreements.models import AgreementVersion, VersionStatus
from workings.core.exceptions import Conflict, NotAllowed, ValidationFailed
from workings.events.models import Entry


def _types(world: Any) -> list[str]:
    return list(
        Entry.objects.filter(log__project=world.project)
        .order_by("seq")
        .values_list("type", flat=True)
    )


def test_template_start_fills_every_section(world: Any) -> None:
    version = start(world)
    assert version.number == 1 and version.status == VersionStatus.DRAFT
    assert all(version.content["sections"].values())
    assert _types(world)[-1] == "agreement.draft_started"


def test_blank_start_then_propose_refuses_empty_sections(world: Any) -> None:
    version = start(world, source="blank")
    assert not any(version.content["sections"].values())
    with pytest.raises(ValidationFailed, match="Still empty: Purpose and shared values"):
        services.version_propose(actor=world.users["lead"], version=version)
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT


@pytest.mark.parametrize("who", ["researcher", "observer", "funder", "outsider"])
def test_only_leads_and_contributors_draft(world: Any, who: str) -> None:
    with pytest.raises(NotAllowed):
        start(world, who)


def test_contributor_edits_and_proposes(world: Any) -> None:
    version = start(world, "contributor")
    version = save(world, version, "contributor", time="Two hours a month.")
    assert version.revision == 2
    version = services.version_propose(actor=world.users["contributor"], version=version)
    assert version.status == VersionStatus.PROPOSED
    assert len(version.content_hash) == 64
    assert _types(world)[-3:] == [
        "agreement.draft_started",
        "agreement.draft_saved",
        "agreement.version_proposed",
    ]


def test_stale_save_is_refused_with_both_texts(world: Any) -> None:
    version = start(world)
    stale = AgreementVersion.objects.get(pk=version.pk)
    save(world, version, "lead", time="Lead's words.")
    content = copy.deepcopy(stale.content)
    content["sections"]["time"] = "Contributor's words."
    with pytest.raises(services.DraftConflict) as caught:
        services.draft_save(
            actor=world.users["contributor"], version=stale, revision=1, content=content
        )
    assert isinstance(caught.value, Conflict)
    assert caught.value.theirs["sections"]["time"] == "Lead's words."
    assert caught.value.revision == 2
    assert "saved this draft while you were editing" in caught.value.message
    version.refresh_from_db()
    assert version.content["sections"]["time"] == "Lead's words."


@pytest.mark.parametrize(
    ("payment", "message"),
    [
        ({"rate": "-1"}, "cannot be negative"),
        ({"rate": "10000.01"}, "looks like a mistake"),
        ({"rate": "lots"}, "as a number"),
        ({"payment_days": ""}, "say how many days"),
        ({"currency": "pounds"}, "three-letter code"),
    ],
)
def test_bad_payment_refused(world: Any, payment: dict[str, Any], message: str) -> None:
    version = start(world)
    with pytest.raises(ValidationFailed, match=message):
        save(world, version, payment={**version.content["payment"], **payment})
    version.refresh_from_db()
    assert version.revision == 1


def test_stage_without_response_time_refused(world: Any) -> None:
    version = start(world)
    procedure = copy.deepcopy(version.content["procedure"])
    procedure["stages"][1]["response_days"] = None
    with pytest.raises(ValidationFailed, match="Stage 2 .* needs a response time") as caught:
        save(world, version, procedure=procedure)
    assert caught.value.field == "stage_1_days"


def test_html_refused(world: Any) -> None:
    version = start(world)
    with pytest.raises(ValidationFailed, match="HTML tags"):
        save(world, version, purpose="<script>alert(1)</script>")


def test_no_one_edits_a_proposed_version(world: Any) -> None:
    version = proposed(world)
    with pytest.raises(ValidationFailed, match="no one can edit it"):
        save(world, version, time="Sneaky change")


def test_in_force_only_when_every_party_agreed(world: Any) -> None:
    version = proposed(world)
    sign(world, version, "lead")
    version.refresh_from_db()
    assert version.status == VersionStatus.PROPOSED
    assert [m.user_id for m in selectors.waiting_for(version)] == [world.users["contributor"].pk]
    sign(world, version, "contributor", "agree_with_reservations", "Thirty days is too long.")
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_FORCE
    assert selectors.version_in_force(world.project) == version
    answers = list(selectors.answers_for(version))
    assert answers[1].words == "Thirty days is too long."
    assert _types(world)[-2:] == ["agreement.signed", "agreement.in_force"]


def test_a_refusal_keeps_it_out_of_force(world: Any) -> None:
    version = proposed(world)
    sign(world, version, "contributor", "do_not_agree", "Pay is too low.")
    sign(world, version, "lead")
    version.refresh_from_db()
    assert version.status == VersionStatus.PROPOSED


def test_named_party_must_answer(world: Any) -> None:
    researcher = world.users["researcher"]
    version = proposed(world, named_parties=[researcher.pk])
    sign(world, version, "lead")
    sign(world, version, "contributor")
    version.refresh_from_db()
    assert version.status == VersionStatus.PROPOSED
    sign(world, version, "researcher")
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_FORCE


def test_naming_a_non_member_refused(world: Any) -> None:
    version = start(world)
    with pytest.raises(ValidationFailed, match="current members"):
        save(world, version, named_parties=[world.users["outsider"].pk])


@pytest.mark.parametrize(
    ("who", "answer", "words", "error", "message"),
    [
        ("observer", "agree", "", NotAllowed, "not a party"),
        ("contributor", "agree_with_reservations", "", ValidationFailed, "own words"),
        ("contributor", "do_not_agree", " ", ValidationFailed, "own words"),
        ("contributor", "maybe", "", ValidationFailed, "three answers"),
    ],
)
def test_bad_signatures(world: Any, who: str, answer: str, words: str, error: type, message: str):
    version = proposed(world)
    with pytest.raises(error, match=message):
        sign(world, version, who, answer, words)
    assert not version.signatures.exists()


def test_signing_twice_refused(world: Any) -> None:
    version = proposed(world)
    sign(world, version, "contributor")
    with pytest.raises(ValidationFailed, match="already answered"):
        sign(world, version, "contributor")


def test_signing_for_someone_else_refused(world: Any) -> None:
    version = proposed(world)
    with pytest.raises(NotAllowed, match="on someone else's behalf"):
        services.signature_create(
            actor=world.users["lead"],
            version=version,
            answer="agree",
            party=world.users["contributor"],
        )
    assert not version.signatures.exists()


def test_signing_a_replaced_version_refused(world: Any) -> None:
    version = proposed(world)
    start(world, "contributor", source="version", from_number=version.number)
    version.refresh_from_db()
    assert version.status == VersionStatus.REPLACED
    with pytest.raises(ValidationFailed, match="no longer current"):
        sign(world, version, "lead")


def test_signing_a_draft_refused(world: Any) -> None:
    version = start(world)
    with pytest.raises(ValidationFailed, match="still a draft"):
        sign(world, version, "lead")


def test_comment_rules(world: Any) -> None:
    version = start(world)
    first = services.comment_create(
        actor=world.users["contributor"], version=version, section="payment", body="Too slow?"
    )
    reply = services.comment_create(
        actor=world.users["lead"],
        version=version,
        section="payment",
        body="We can do 14 days.",
        parent_id=first.pk,
    )
    threads = selectors.comments_for(version)
    assert threads["payment"][0]["replies"][0]["comment"] == reply
    with pytest.raises(NotAllowed, match="Only members"):
        services.comment_create(
            actor=world.users["outsider"], version=version, section="payment", body="Hi"
        )
    with pytest.raises(ValidationFailed, match="same section"):
        services.comment_create(
            actor=world.users["lead"], version=version, section="time", body="x", parent_id=first.pk
        )
    with pytest.raises(ValidationFailed, match="Write your comment"):
        services.comment_create(
            actor=world.users["lead"], version=version, section="time", body="  "
        )
    assert version.comments.count() == 2


def test_amend_from_version_in_force(world: Any) -> None:
    first = in_force(world)
    with pytest.raises(ValidationFailed, match="already has an agreement"):
        start(world)
    draft = start(world, "contributor", source="version", from_number=first.number)
    assert draft.based_on == first and draft.content == first.content
    assert _types(world)[-1] == "agreement.amendment_started"
    with pytest.raises(ValidationFailed, match="already a draft"):
        start(world, source="version", from_number=first.number)
    payment = {**draft.content["payment"], "payment_days": 14}
    draft = save(world, draft, "contributor", payment=payment)
    draft = services.version_propose(actor=world.users["contributor"], version=draft)
    # The old version stays in force while the amendment is being signed.
    assert selectors.payment_terms_for(world.project).payment_days == 30
    sign(world, draft, "lead")
    sign(world, draft, "contributor")
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    terms = selectors.payment_terms_for(world.project)
    assert terms.payment_days == 14 and terms.rate == Decimal("25.00")
    assert [v.number for v in selectors.amendment_history(world.project)] == [2, 1]


def test_selectors_read_the_version_in_force(world: Any) -> None:
    version = in_force(world)
    procedure = selectors.procedure_for(world.project)
    assert not procedure.is_default and procedure.version_id == version.pk
    assert procedure.stages[0].response_days == 10
    assert procedure.funder_stage_index == 1
    assert selectors.decision_rights_for(world.project)["dissemination"] == "contributor_led"
    assert selectors.feedback_response_days(world.project) == 14


def test_later_joiner_is_asked_to_sign_version_in_force(world: Any) -> None:
    from tests.factories import add_member, make_user

    version = in_force(world)
    newcomer = make_user("new@example.org", "Nia New")
    add_member(world.project, world.users["lead"], newcomer, "contributor")
    assert selectors.pending_signature_for(newcomer, world.project) == version
    services.signature_create(actor=newcomer, version=version, answer="agree")
    assert selectors.pending_signature_for(newcomer, world.project) is None
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_FORCE
