"""The stage machine, with the clock controlled."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.concerns.helpers import DAY0, raise_anonymous, raise_confidential, raise_open
from workings.concerns import services
from workings.concerns.models import Concern, Reply
from workings.concerns.workflow import IllegalMove
from workings.core.clock import frozen_at
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.events.models import Entry

pytestmark = pytest.mark.django_db


def _days(n: int) -> dt.datetime:
    return DAY0 + dt.timedelta(days=n)


class TestRaise:
    def test_open_concern_starts_at_the_lead_with_the_default_procedure(self, world: Any) -> None:
        with frozen_at(DAY0):
            concern = raise_open(world)
        assert concern.stage_index == 0
        assert concern.handler_role == "lead"
        assert concern.procedure_is_default
        assert concern.stage_due_on == dt.date(2026, 3, 12)
        entry = Entry.objects.get(log__project=world.project, type="concern.raised")
        assert not entry.sealed and entry.actor == world.users["contributor"]

    def test_any_member_may_raise(self, world: Any) -> None:
        for role in ("observer", "researcher", "lead"):
            raise_open(world, role=role)

    def test_the_funders_reviewer_is_not_a_member_and_may_not(self, world: Any) -> None:
        with pytest.raises(NotAllowed):
            raise_open(world, role="funder")

    def test_outsider_may_not(self, world: Any) -> None:
        with pytest.raises(NotAllowed):
            raise_open(world, role="outsider")

    def test_empty_subject_is_refused_and_nothing_written(self, world: Any) -> None:
        from workings.events.models import Log

        size = Log.objects.get(project=world.project).size
        with pytest.raises(ValidationFailed) as info:
            raise_open(world, subject="  ")
        assert info.value.field == "subject"
        assert not Concern.objects.exists()
        assert Log.objects.get(project=world.project).size == size

    def test_oversized_text_is_refused(self, world: Any) -> None:
        with pytest.raises(ValidationFailed, match="10,000"):
            raise_open(world, what_happened="x" * 10001)

    def test_html_is_refused(self, world: Any) -> None:
        with pytest.raises(ValidationFailed, match="plain text"):
            raise_open(world, subject="<script>alert(1)</script>")

    def test_link_is_refused_clearly_when_links_are_unavailable_or_unknown(
        self, world: Any
    ) -> None:
        with pytest.raises(ValidationFailed) as info:
            raise_open(world, link="decision:1")
        assert info.value.field == "link"
        with pytest.raises(ValidationFailed, match="must name"):
            raise_open(world, link="bogus:1")

    def test_link_to_another_projects_item_is_refused(self, world: Any, monkeypatch: Any) -> None:
        from types import SimpleNamespace

        import workings.record.selectors as record_selectors  # may not exist yet

        def linkable_item(project: Any, kind: str, pk: int) -> Any:
            return SimpleNamespace(project_id=world.other_project.pk)

        monkeypatch.setattr(record_selectors, "linkable_item", linkable_item, raising=False)
        with pytest.raises(ValidationFailed, match="no decision 7 in this project"):
            raise_open(world, link="decision:7")

    def test_confidential_skips_the_team_and_is_sealed(self, world: Any) -> None:
        concern = raise_confidential(world)
        assert [s["handler_role"] for s in concern.stages] == ["funder"]
        assert concern.route == "reviewers"
        entry = Entry.objects.get(log__project=world.project, sealed=True)
        assert entry.type == "sealed" and entry.actor is None
        assert entry.recorded_at.hour == 0 and entry.subject_type == ""

    def test_anonymous_has_no_raiser_and_day_times(self, world: Any) -> None:
        with frozen_at(DAY0):
            concern, code = raise_anonymous(world)
        assert concern.raised_by is None
        assert concern.raised_at == dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
        assert len(code.replace("-", "")) == 20
        assert code.replace("-", "") not in concern.receipt_hash
        assert concern.receipt_hash.startswith("$argon2id$")

    def test_no_funder_and_no_independent_person_goes_to_site_reviewers(
        self, world: Any, settings: Any
    ) -> None:
        from workings.funders import services as funder_services

        settings.WORKINGS_INDEPENDENT_REVIEWERS = ["site.reviewer@example.org"]
        fund = world.extra["funder_organisation"]
        funder_services.appointment_end(
            actor=world.extra["funder_admin"],
            organisation=fund,
            appointment_id=fund.appointments.get(user=world.users["funder"]).pk,
            reason="Moved on",
        )
        concern = raise_confidential(world)
        assert concern.route == "site"
        assert concern.stages[0]["handler_role"] == "site"


class TestStages:
    def test_escalating_before_the_deadline_is_refused(self, world: Any) -> None:
        with frozen_at(DAY0):
            concern = raise_open(world)
        with frozen_at(_days(10)), pytest.raises(ValidationFailed, match="has until 12 March"):
            services.concern_escalate(actor=world.users["contributor"], concern=concern)

    def test_raiser_escalates_after_the_deadline_without_permission(self, world: Any) -> None:
        with frozen_at(DAY0):
            concern = raise_open(world)
        with frozen_at(_days(11)):
            concern = services.concern_escalate(actor=world.users["contributor"], concern=concern)
        assert concern.stage_index == 1 and concern.handler_role == "independent"
        assert concern.stage_started_on == dt.date(2026, 3, 13)
        with frozen_at(_days(11 + 15)):
            concern = services.concern_escalate(actor=world.users["contributor"], concern=concern)
        assert concern.handler_role == "funder"
        with frozen_at(_days(80)), pytest.raises(ValidationFailed, match="last stage"):
            services.concern_escalate(actor=world.users["contributor"], concern=concern)

    def test_only_the_raiser_may_escalate(self, world: Any) -> None:
        with frozen_at(DAY0):
            concern = raise_open(world)
        for role in ("lead", "funder", "researcher", "observer"):
            with frozen_at(_days(20)), pytest.raises(NotAllowed):
                services.concern_escalate(actor=world.users[role], concern=concern)

    def test_a_handler_reply_is_the_stage_response(self, world: Any) -> None:
        with frozen_at(DAY0):
            concern = raise_open(world)
            reply = services.concern_reply(
                actor=world.users["lead"], concern=concern, body="Sorry, we will fix it."
            )
        concern.refresh_from_db()
        assert concern.status == "responded"
        assert reply.author == world.users["lead"] and reply.author_role == "lead"
        # After a response the raiser may move on at once if not satisfied.
        with frozen_at(_days(1)):
            services.concern_escalate(actor=world.users["contributor"], concern=concern)

    def test_raiser_reply_does_not_stop_the_clock(self, world: Any) -> None:
        with frozen_at(DAY0):
            concern = raise_open(world)
            services.concern_reply(actor=world.users["contributor"], concern=concern, body="More")
        concern.refresh_from_db()
        assert concern.status == "awaiting"

    def test_closing_and_replying_to_a_closed_concern(self, world: Any) -> None:
        concern = raise_open(world)
        services.concern_close(
            actor=world.users["contributor"], concern=concern, outcome="resolved"
        )
        with pytest.raises(IllegalMove, match="closed"):
            services.concern_reply(actor=world.users["lead"], concern=concern, body="late")
        with pytest.raises(IllegalMove):
            services.concern_close(actor=world.users["funder"], concern=concern, outcome="resolved")

    def test_raiser_may_only_close_as_resolved(self, world: Any) -> None:
        concern = raise_open(world)
        with pytest.raises(NotAllowed):
            services.concern_close(
                actor=world.users["contributor"],
                concern=concern,
                outcome="not_upheld",
                reasons="x",
            )

    def test_not_upheld_needs_reasons(self, world: Any) -> None:
        concern = raise_open(world)
        with pytest.raises(ValidationFailed) as info:
            services.concern_close(
                actor=world.users["funder"], concern=concern, outcome="not_upheld"
            )
        assert info.value.field == "reasons"
        closed = services.concern_close(
            actor=world.users["funder"], concern=concern, outcome="not_upheld", reasons="No basis."
        )
        assert closed.outcome == "not_upheld" and closed.closed_on

    def test_team_cannot_close(self, world: Any) -> None:
        concern = raise_open(world)
        with pytest.raises(NotAllowed):
            services.concern_close(actor=world.users["lead"], concern=concern, outcome="resolved")

    def test_funder_asks_the_team(self, world: Any) -> None:
        concern = raise_open(world)
        reply = services.concern_ask_team(
            actor=world.users["funder"], concern=concern, message="Please respond."
        )
        assert reply.kind == Reply.Kind.TEAM_REQUEST
        with pytest.raises(NotAllowed):
            services.concern_ask_team(actor=world.users["lead"], concern=concern, message="x")


class TestSealedInvolvement:
    def test_team_sees_it_only_after_the_raiser_approves_the_summary(self, world: Any) -> None:
        from workings.concerns.permissions import concern_policy

        concern = raise_confidential(world)
        lead = world.users["lead"]
        assert not concern_policy.can_view(lead, concern)
        services.concern_summary_propose(
            actor=world.users["funder"], concern=concern, text="Payments have been slow."
        )
        concern.refresh_from_db()
        assert not concern_policy.can_view(lead, concern)
        with pytest.raises(NotAllowed):
            services.concern_summary_answer(actor=lead, concern=concern, approve=True)
        services.concern_summary_answer(
            actor=world.users["contributor"], concern=concern, approve=True
        )
        concern.refresh_from_db()
        assert concern_policy.can_view(lead, concern)
        assert not concern_policy.can_view_full(lead, concern)
        assert not concern_policy.can_see_raiser(lead, concern)
        assert not concern_policy.can_view(world.users["observer"], concern)

    def test_declined_summary_keeps_the_team_out(self, world: Any) -> None:
        concern = raise_confidential(world)
        services.concern_summary_propose(actor=world.users["funder"], concern=concern, text="S")
        services.concern_summary_answer(
            actor=world.users["contributor"], concern=concern, approve=False
        )
        concern.refresh_from_db()
        assert not concern.team_involved

    def test_anonymous_follow_up_by_code(self, world: Any) -> None:
        with frozen_at(DAY0):
            concern, code = raise_anonymous(world)
        reply = services.concern_reply_anonymous(project=world.project, code=code, body="More")
        assert reply.by_raiser and reply.author is None
        # Only the funder's stage is left for a sealed concern here: nothing to move on to.
        with frozen_at(_days(29)), pytest.raises(ValidationFailed, match="last stage"):
            services.concern_escalate_anonymous(project=world.project, code=code)


class TestReceiptCodes:
    def test_wrong_codes_get_one_answer(self, world: Any) -> None:
        raise_anonymous(world)
        messages = set()
        for code in ("1234", "0000-0000-0000-0000-0000", "not a code"):
            with pytest.raises(NotFound) as info:
                services.concern_by_receipt(project=world.project, code=code)
            messages.add(info.value.message)
        assert len(messages) == 1

    def test_a_code_from_another_project_does_not_open_anything(self, world: Any) -> None:
        _, code = raise_anonymous(world)
        with pytest.raises(NotFound):
            services.concern_by_receipt(project=world.other_project, code=code)

    def test_code_accepts_spaces_and_pasting(self, world: Any) -> None:
        concern, code = raise_anonymous(world)
        spaced = " " + code.replace("-", " ") + " "
        assert services.concern_by_receipt(project=world.project, code=spaced).pk == concern.pk

    def test_repeated_wrong_guesses_are_slowed(self, world: Any) -> None:
        from workings.concerns import receipts

        _, code = raise_anonymous(world)
        for _ in range(receipts.FREE_WRONG + 1):
            with pytest.raises(NotFound):
                services.concern_by_receipt(project=world.project, code="1" * 20)
        with pytest.raises(ValidationFailed, match="one code a minute"):
            services.concern_by_receipt(project=world.project, code=code)
        # Other projects are not affected.
        with pytest.raises(NotFound):
            services.concern_by_receipt(project=world.other_project, code="1" * 20)


class TestProtection:
    def test_removing_a_raiser_is_flagged(
        self, world: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
    ) -> None:
        from workings.projects import services as project_services

        concern = raise_confidential(world)
        with django_capture_on_commit_callbacks(execute=True):
            project_services.membership_remove(
                actor=world.users["lead"],
                project=world.project,
                membership_id=world.memberships["contributor"].pk,
                reason="Disruptive",
            )
        assert Entry.objects.filter(log__project=world.project, sealed=True).count() == 2
        from workings.notifications.models import Notification

        assert Notification.objects.filter(
            user=world.users["funder"], kind="concern.raiser_protected"
        ).exists()
        assert concern.pk
        assert [m.to for m in mailoutbox] == [["funder@example.org"]]
        assert "Disruptive" not in mailoutbox[0].body

    def test_demoting_an_open_raiser_needs_no_reason_and_is_sealed(self, world: Any) -> None:
        from workings.projects import services as project_services

        raise_open(world)
        sealed_before = Entry.objects.filter(sealed=True).count()
        project_services.membership_change_role(
            actor=world.users["lead"],
            project=world.project,
            membership_id=world.memberships["contributor"].pk,
            role="observer",
        )
        assert Entry.objects.filter(sealed=True).count() == sealed_before + 1
