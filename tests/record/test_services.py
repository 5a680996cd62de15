"""Every rule of the working record, through the services."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from typing import Any

import pytest
from django.conf import settings

from tests.record import helpers as h
from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.events.models import Entry, EntryContent
from workings.record import services
from workings.record.models import Attachment, Item, Position, PositionVersion

pytestmark = pytest.mark.django_db


def _counts(world: Any) -> tuple[int, int, int]:
    return (
        Item.objects.count(),
        Entry.objects.filter(log__project=world.project).count(),
        Attachment.objects.count(),
    )


def _refused(world: Any, exc: type, fn: Any, match: str) -> None:
    before = _counts(world)
    with pytest.raises(exc, match=match):
        fn()
    assert _counts(world) == before, "nothing may be half-written"


class TestMeetings:
    def test_records_a_meeting_with_an_event_and_people(self, world: Any) -> None:
        item = h.meeting(world)
        assert item.kind == "meeting"
        assert item.meeting.hours == 2
        assert set(item.meeting.participants.values_list("pk", flat=True)) == {
            world.memberships["contributor"].pk,
            world.memberships["lead"].pk,
        }
        entry = Entry.objects.get(log__project=world.project, seq=item.last_event_seq)
        assert entry.type == "record.meeting_recorded"

    def test_future_date_is_refused(self, world: Any) -> None:
        tomorrow = clock.today() + dt.timedelta(days=1)
        _refused(world, ValidationFailed, lambda: h.meeting(world, occurred_on=tomorrow), "future")

    @pytest.mark.parametrize("hours", ["25", "24.01", "0", "-1", "lots", "1.234"])
    def test_bad_hours_are_refused(self, world: Any, hours: str) -> None:
        _refused(world, ValidationFailed, lambda: h.meeting(world, hours=hours), "Hours")

    def test_24_hours_is_allowed(self, world: Any) -> None:
        assert h.meeting(world, hours="24").meeting.hours == 24

    def test_participant_who_is_not_a_member_is_refused(self, world: Any) -> None:
        other = world.other_project.memberships.get()
        _refused(
            world,
            ValidationFailed,
            lambda: h.meeting(world, participants=[other.pk]),
            "not a member",
        )

    def test_participant_who_had_left_before_is_refused(self, world: Any) -> None:
        from workings.projects import services as ps

        with clock.frozen_at(dt.datetime(2026, 3, 1, tzinfo=dt.UTC)):
            ps.membership_leave(actor=world.users["observer"], project=world.project, credit="name")
        obs = world.memberships["observer"].pk
        _refused(
            world,
            ValidationFailed,
            lambda: h.meeting(world, participants=[obs], occurred_on=dt.date(2026, 4, 1)),
            "had left",
        )
        assert h.meeting(world, participants=[obs], occurred_on=dt.date(2026, 2, 1))

    def test_html_is_refused(self, world: Any) -> None:
        _refused(
            world,
            ValidationFailed,
            lambda: h.meeting(world, summary="<script>alert(1)</script>"),
            "HTML",
        )

    def test_text_over_the_limit_is_refused(self, world: Any) -> None:
        _refused(world, ValidationFailed, lambda: h.meeting(world, title="x" * 201), "limit")

    def test_observer_and_funder_cannot_record(self, world: Any) -> None:
        for role in ("observer", "funder"):
            _refused(
                world, NotAllowed, lambda r=role: h.meeting(world, actor=world.users[r]), "role"
            )

    def test_attachments_are_checked_by_content_and_hashed(self, world: Any) -> None:
        item = h.meeting(world, attachments=[("notes.pdf", h.PDF), ("photo.png", h.PNG)])
        files = list(item.attachments.order_by("id"))
        assert [f.content_type for f in files] == ["application/pdf", "image/png"]
        assert files[0].sha256 == hashlib.sha256(h.PDF).hexdigest()
        assert (settings.MEDIA_ROOT / files[0].file.name).read_bytes() == h.PDF
        body = EntryContent.objects.get(
            entry__log__project=world.project, entry__seq=item.last_event_seq
        )
        assert body.content["data"]["attachments"][0]["sha256"] == files[0].sha256

    def test_renamed_executable_is_refused(self, world: Any) -> None:
        exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
        _refused(
            world,
            ValidationFailed,
            lambda: h.meeting(world, attachments=[("minutes.pdf", exe)]),
            "not a type we accept",
        )

    def test_zip_that_is_not_a_document_is_refused(self, world: Any) -> None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("evil.sh", "rm -rf /")
        _refused(
            world,
            ValidationFailed,
            lambda: h.meeting(world, attachments=[("notes.docx", buf.getvalue())]),
            "not a type",
        )

    def test_docx_and_odt_and_text_are_accepted(self, world: Any) -> None:
        docx, odt = io.BytesIO(), io.BytesIO()
        with zipfile.ZipFile(docx, "w") as z:
            z.writestr("[Content_Types].xml", "<x/>")
            z.writestr("word/document.xml", "<x/>")
        with zipfile.ZipFile(odt, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            z.writestr("content.xml", "<x/>")
        item = h.meeting(
            world,
            attachments=[("a", docx.getvalue()), ("b", odt.getvalue()), ("c", "Notes ✓".encode())],
        )
        kinds = [a.content_type for a in item.attachments.order_by("id")]
        assert kinds[1] == "application/vnd.oasis.opendocument.text"
        assert kinds[2] == "text/plain"
        assert "wordprocessingml" in kinds[0]

    def test_attachment_over_the_size_limit_is_refused(self, world: Any) -> None:
        big = h.PDF + b"0" * (10 * 1024 * 1024)
        _refused(
            world,
            ValidationFailed,
            lambda: h.meeting(world, attachments=[("big.pdf", big)]),
            "at most 10 MB",
        )


class TestFeedback:
    def test_feedback_gets_a_due_date_of_14_days(self, world: Any) -> None:
        item = h.feedback(world)
        assert item.is_open
        assert item.due_on == item.occurred_on + dt.timedelta(days=14)

    def test_researcher_must_name_the_group(self, world: Any) -> None:
        _refused(
            world,
            ValidationFailed,
            lambda: h.feedback(world, actor=world.users["researcher"]),
            "which group",
        )
        item = h.feedback(world, actor=world.users["researcher"], on_behalf_of="Carers' panel")
        assert item.feedback.on_behalf_of == "Carers' panel"

    def test_bad_area_is_refused(self, world: Any) -> None:
        _refused(world, ValidationFailed, lambda: h.feedback(world, area="lunch"), "Research area")

    def test_answer_once(self, world: Any) -> None:
        item = h.feedback(world)
        h.answer(world, item)
        item.refresh_from_db()
        assert not item.is_open and item.feedback.outcome == "partly_adopted"
        _refused(world, ValidationFailed, lambda: h.answer(world, item), "already answered")

    def test_only_responders_answer(self, world: Any) -> None:
        item = h.feedback(world)
        for role in ("contributor", "observer", "funder"):
            _refused(
                world,
                NotAllowed,
                lambda r=role: h.answer(world, item, actor=world.users[r]),
                "lead or a researcher",
            )

    def test_answer_needs_what_and_why(self, world: Any) -> None:
        item = h.feedback(world)
        _refused(world, ValidationFailed, lambda: h.answer(world, item, why=""), "Why")
        _refused(world, ValidationFailed, lambda: h.answer(world, item, outcome="maybe"), "Outcome")

    def test_contributor_marks_not_satisfied_with_why(self, world: Any) -> None:
        item = h.feedback(world)
        mark = services.feedback_mark_satisfaction
        c = world.users["contributor"]
        _refused(
            world,
            ValidationFailed,
            lambda: mark(actor=c, project=world.project, item_id=item.pk, satisfied=False),
            "not been answered",
        )
        h.answer(world, item)
        _refused(
            world,
            ValidationFailed,
            lambda: mark(actor=c, project=world.project, item_id=item.pk, satisfied=False),
            "Say why",
        )
        _refused(
            world,
            NotAllowed,
            lambda: mark(
                actor=world.users["lead"], project=world.project, item_id=item.pk, satisfied=True
            ),
            "contributor who gave",
        )
        mark(actor=c, project=world.project, item_id=item.pk, satisfied=False, why="Too vague.")
        item.feedback.refresh_from_db()
        assert item.feedback.satisfied is False
        assert item.feedback.satisfaction_why == "Too vague."

    def test_overdue_shows_in_needs_you(self, world: Any) -> None:
        from workings.record.selectors import needs_you

        with clock.frozen_at(dt.datetime(2026, 1, 5, tzinfo=dt.UTC)):
            item = h.feedback(world)
        lead = needs_you(user=world.users["lead"], project=world.project)
        mine = needs_you(user=world.users["contributor"], project=world.project)
        assert [i.pk for i in lead["to_answer"]] == [item.pk]
        assert [i.pk for i in mine["overdue_mine"]] == [item.pk]
        assert item.is_overdue(clock.today())


class TestDecisions:
    def test_decision_without_agreement_has_no_promise(self, world: Any) -> None:
        item = h.decision(world)
        assert item.decision.promised == "" and not item.decision.is_shortfall

    def test_shortfall_against_the_agreement(self, world: Any, monkeypatch: Any) -> None:
        from workings.record.services import decisions

        monkeypatch.setattr(
            decisions, "promised_levels", lambda project: {"recruitment": "collaborating"}
        )
        item = h.decision(world)
        assert item.decision.promised == "collaborating"
        assert item.decision.is_shortfall

    def test_each_contributor_gives_their_own_view_once(self, world: Any) -> None:
        item = h.decision(world)
        give = services.decision_view_give
        c = world.users["contributor"]
        give(
            actor=c,
            project=world.project,
            item_id=item.pk,
            stance="disagree",
            words="We weren't asked.",
        )
        _refused(
            world,
            ValidationFailed,
            lambda: give(
                actor=c, project=world.project, item_id=item.pk, stance="agree", words="x"
            ),
            "already given",
        )
        _refused(
            world,
            NotAllowed,
            lambda: give(
                actor=world.users["lead"],
                project=world.project,
                item_id=item.pk,
                stance="agree",
                words="Fine.",
            ),
            "public contributors",
        )

    def test_bad_influence_is_refused(self, world: Any) -> None:
        _refused(world, ValidationFailed, lambda: h.decision(world, influence="total"), "influence")


class TestDisagreements:
    def test_positions_belong_to_their_authors_and_are_versioned(self, world: Any) -> None:
        item = h.disagreement(world)
        write, edit = services.position_write, services.position_edit
        mine = write(
            actor=world.users["contributor"], project=world.project, item_id=item.pk, text="Ours."
        )
        theirs = write(
            actor=world.users["lead"], project=world.project, item_id=item.pk, text="Theirs."
        )
        assert (mine.side, theirs.side) == ("contributors", "research_team")
        _refused(
            world,
            NotAllowed,
            lambda: edit(
                actor=world.users["lead"], project=world.project, position_id=mine.pk, text="No."
            ),
            "Only the person who wrote",
        )
        edit(
            actor=world.users["contributor"],
            project=world.project,
            position_id=mine.pk,
            text="Ours, v2.",
        )
        mine.refresh_from_db()
        assert mine.version == 2 and mine.text == "Ours, v2."
        assert list(
            PositionVersion.objects.filter(position=mine).values_list("text", flat=True)
        ) == [
            "Ours, v2.",
            "Ours.",
        ]

    def test_one_position_each(self, world: Any) -> None:
        item = h.disagreement(world)
        write = services.position_write
        write(actor=world.users["contributor"], project=world.project, item_id=item.pk, text="A")
        with pytest.raises(ValidationFailed, match="already written"):
            write(
                actor=world.users["contributor"], project=world.project, item_id=item.pk, text="B"
            )
        assert Position.objects.count() == 1

    def test_compromise_needs_what_each_side_gave(self, world: Any) -> None:
        item = h.disagreement(world)
        settle = services.disagreement_settle
        kw = {"actor": world.users["lead"], "project": world.project, "item_id": item.pk}
        _refused(
            world,
            ValidationFailed,
            lambda: settle(**kw, outcome="compromise", outcome_text="Co-primary outcomes."),
            "each side gave",
        )
        settle(
            **kw,
            outcome="compromise",
            outcome_text="Co-primary outcomes.",
            research_team_gave="A second primary outcome.",
            contributors_gave="Kept the mRS.",
            what_changed="The protocol.",
        )
        item.refresh_from_db()
        assert item.disagreement.outcome == "compromise" and not item.is_open
        _refused(
            world,
            ValidationFailed,
            lambda: settle(**kw, outcome="resolved", outcome_text="x"),
            "already recorded",
        )
        with pytest.raises(ValidationFailed, match="no longer be added"):
            services.position_write(
                actor=world.users["contributor"],
                project=world.project,
                item_id=item.pk,
                text="Late",
            )


class TestAccountsAndCorrections:
    def test_account_only_by_contributors_and_only_author_edits(self, world: Any) -> None:
        _refused(
            world,
            NotAllowed,
            lambda: h.account(world, actor=world.users["lead"]),
            "public contributors",
        )
        meeting = h.meeting(world)
        item = h.account(world, about_id=meeting.pk)
        assert item.about_id == meeting.pk
        _refused(
            world,
            NotAllowed,
            lambda: services.account_edit(
                actor=world.users["lead"], project=world.project, item_id=item.pk, text="Edited"
            ),
            "Only the person who wrote",
        )
        services.account_edit(
            actor=world.users["contributor"], project=world.project, item_id=item.pk, text="Second"
        )
        assert list(item.account_versions.values_list("number", "text")) == [
            (2, "Second"),
            (1, "I felt listened to, mostly."),
        ]

    def test_account_about_another_projects_entry_is_refused(self, world: Any) -> None:
        _refused(world, ValidationFailed, lambda: h.account(world, about_id=999999), "not part")

    def test_correction_is_a_new_linked_entry(self, world: Any) -> None:
        meeting = h.meeting(world)
        fix = services.correction_make(
            actor=world.users["researcher"],
            project=world.project,
            item_id=meeting.pk,
            text="It was 3 hours, not 2.",
        )
        meeting.refresh_from_db()
        assert fix.corrects_id == meeting.pk and meeting.meeting.hours == 2
        acct = h.account(world)
        _refused(
            world,
            NotAllowed,
            lambda: services.correction_make(
                actor=world.users["lead"], project=world.project, item_id=acct.pk, text="No"
            ),
            "only by its author",
        )
