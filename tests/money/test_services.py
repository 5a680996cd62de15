"""Offers, claims, approval and payment; days to payment against the agreement's promise;
the separation of powers; bad input refused with nothing half-written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.money import helpers as h
from workings.core import clock
from workings.core.exceptions import Conflict, NotAllowed, ValidationFailed
from workings.events.models import Entry, SealedPending
from workings.money import selectors, services
from workings.money.models import BudgetLine, Claim, Expense, Offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(world: Any) -> Any:
    h.terms(world)
    return world


def _money_entries() -> int:
    sealed = SealedPending.objects.count() + Entry.objects.filter(sealed=True).count()
    return sealed + Entry.objects.filter(type__startswith="money.").count()


class TestOffers:
    def test_rate_and_promise_come_from_the_agreement(self, terms: Any) -> None:
        offer = h.offer(terms)
        assert offer.rate == Decimal("25.00") and offer.currency == "GBP"
        assert offer.payment_days == 30 and offer.rate_kind == "hourly"
        assert offer.fee == Decimal("75.00")

    def test_no_offer_without_an_agreement_in_force(self, world: Any) -> None:
        with pytest.raises(ValidationFailed, match="no agreement in force"):
            h.offer(world)
        assert not Offer.objects.exists()

    def test_only_the_lead_offers(self, terms: Any) -> None:
        for role in ("researcher", "contributor", "funder", "observer"):
            with pytest.raises(NotAllowed):
                h.offer(terms, actor=terms.users[role])

    def test_only_to_a_contributor(self, terms: Any) -> None:
        with pytest.raises(ValidationFailed, match="public contributor"):
            h.offer(terms, person=terms.memberships["researcher"].pk)

    def test_only_the_person_answers_and_only_once(self, terms: Any) -> None:
        offer = h.offer(terms)
        for role in ("lead", "researcher", "funder", "observer"):
            with pytest.raises(NotAllowed):
                services.offer_answer(actor=terms.users[role], offer=offer, answer="accept")
        services.offer_answer(
            actor=terms.users["contributor"],
            offer=offer,
            answer="waive",
            public_sector_employee=True,
        )
        offer.refresh_from_db()
        assert offer.status == "waived" and offer.public_sector_employee
        with pytest.raises(Conflict):
            services.offer_answer(actor=terms.users["contributor"], offer=offer, answer="accept")

    def test_every_step_is_a_sealed_entry(self, terms: Any) -> None:
        before = _money_entries()
        h.claim(terms)
        # offer, answer, claim: sealed, so not in the members' log
        assert _money_entries() == before + 3
        assert not Entry.objects.filter(type__startswith="money.offer").exists()


class TestClaims:
    def test_hours_prefilled_from_the_meeting_attended(self, terms: Any) -> None:
        offer = h.meeting_offer(terms, hours="3", preparation_hours="1")
        services.offer_answer(actor=terms.users["contributor"], offer=offer, answer="accept")
        claim = h.claim(terms, offer=offer)
        assert claim.hours == Decimal("3.00")  # 2 hours of meeting + 1 of preparation
        assert claim.fee == Decimal("75.00")

    def test_no_claim_for_a_meeting_not_attended(self, terms: Any) -> None:
        from tests.record.helpers import meeting

        item = meeting(terms, participants=[terms.memberships["lead"].pk])
        offer = h.offer(terms, activity="meeting", meeting=item.meeting.pk)
        services.offer_answer(actor=terms.users["contributor"], offer=offer, answer="accept")
        with pytest.raises(ValidationFailed, match="does not show you at this meeting"):
            h.claim(terms, offer=offer)
        assert not Claim.objects.exists()

    def test_above_the_offer_needs_a_note(self, terms: Any) -> None:
        offer = h.accepted(terms)
        with pytest.raises(ValidationFailed, match="Add a note"):
            h.claim(terms, offer=offer, hours="5")
        claim = h.claim(terms, offer=offer, hours="5", note="The reading took longer.")
        assert claim.fee == Decimal("125.00")

    def test_only_the_person_who_accepted_claims(self, terms: Any) -> None:
        offer = h.offer(terms)
        with pytest.raises(NotAllowed):
            h.claim(terms, offer=offer)  # not accepted yet
        services.offer_answer(actor=terms.users["contributor"], offer=offer, answer="accept")
        with pytest.raises(NotAllowed):
            services.claim_make(actor=terms.users["lead"], offer=offer)

    def test_expenses_with_receipts_bad_input_writes_nothing(self, terms: Any) -> None:
        offer = h.accepted(terms)
        before = _money_entries()
        bad = [
            {"kind": "travel", "description": "Bus", "amount": "-3"},
            {"kind": "travel", "description": "Bus", "amount": "3", "receipt": h.upload(b"MZ\x90")},
            {"kind": "flights", "description": "Bus", "amount": "3"},
        ]
        for expense in bad:
            with pytest.raises(ValidationFailed):
                h.claim(terms, offer=offer, expenses=[expense])
        assert not Claim.objects.exists() and not Expense.objects.exists()
        assert _money_entries() == before
        claim = h.claim(
            terms,
            offer=offer,
            expenses=[
                {
                    "kind": "travel",
                    "description": "Bus",
                    "amount": "3.40",
                    "receipt": h.upload(h.png_bytes()),
                },
                {
                    "kind": "carer",
                    "description": "Sitter",
                    "amount": "20",
                    "receipt": h.upload(h.pdf_bytes(), "r.pdf"),
                },
            ],
        )
        assert claim.expenses_total == Decimal("23.40") and claim.total == Decimal("98.40")
        kinds = sorted(e.receipt_type for e in claim.expenses.all())
        assert kinds == ["application/pdf", "image/png"]


class TestApprovalAndPayment:
    def test_approve_then_pay_once(self, terms: Any) -> None:
        claim = h.claim(terms)
        with pytest.raises(ValidationFailed, match="Approve the claim"):
            services.claim_pay(actor=terms.users["lead"], claim=claim)
        services.claim_approve(actor=terms.users["lead"], claim=claim)
        services.claim_pay(actor=terms.users["lead"], claim=claim)
        with pytest.raises(Conflict, match="cannot be paid twice"):
            services.claim_pay(actor=terms.users["lead"], claim=claim)

    def test_nobody_else_approves_or_pays(self, terms: Any) -> None:
        claim = h.claim(terms)
        for role in ("contributor", "researcher", "funder", "observer", "outsider"):
            with pytest.raises(NotAllowed):
                services.claim_approve(actor=terms.users[role], claim=claim)
        services.claim_approve(actor=terms.users["lead"], claim=claim)
        for role in ("contributor", "researcher", "funder", "observer"):
            with pytest.raises(NotAllowed):
                services.claim_pay(actor=terms.users[role], claim=claim)

    def test_a_lead_never_approves_or_pays_their_own_claim(self, terms: Any) -> None:
        # The lead is also the contributor here: a second lead joins, the first claims.
        from tests.factories import add_member, make_user

        second = make_user("second.lead@example.org", "Second Lead")
        add_member(terms.project, terms.users["lead"], second, "lead")
        claim = h.claim(terms)
        membership = claim.person
        membership.role = "lead"
        membership.save(update_fields=["role"])
        contributor = terms.users["contributor"]
        contributor.__dict__.pop("_workings_roles", None)
        with pytest.raises(NotAllowed):
            services.claim_approve(actor=contributor, claim=claim)
        services.claim_approve(actor=second, claim=claim)
        with pytest.raises(NotAllowed):
            services.claim_pay(actor=contributor, claim=claim)

    def test_days_to_payment_against_the_promise(self, terms: Any) -> None:
        start = clock.now()
        claim = h.claim(terms)
        assert claim.due_on == claim.claimed_on + dt.timedelta(days=30)
        services.claim_approve(actor=terms.users["lead"], claim=claim)
        with clock.frozen_at(start + dt.timedelta(days=31)):
            today = clock.today()
            assert claim.is_late(today) and claim.days_to_payment(today) == 31
            assert services.late_claim_record(claim=claim, today=today)
            assert not services.late_claim_record(claim=claim, today=today)  # once only
            summary = selectors.budget_summary(terms.project, today=today)
            assert summary.claims_late == 1
            services.claim_pay(actor=terms.users["lead"], claim=claim)
        claim.refresh_from_db()
        assert claim.days_to_payment(clock.today()) == 31 and claim.is_late(clock.today())

    def test_paid_on_time_is_not_late(self, terms: Any) -> None:
        start = clock.now()
        claim = h.claim(terms)
        services.claim_approve(actor=terms.users["lead"], claim=claim)
        with clock.frozen_at(start + dt.timedelta(days=30)):
            services.claim_pay(actor=terms.users["lead"], claim=claim)
            assert selectors.budget_summary(terms.project, today=clock.today()).claims_late == 0


class TestBudget:
    def test_planned_against_spent_by_tax_year(self, terms: Any) -> None:
        lead = terms.users["lead"]
        year = selectors.amounts.tax_year_of(clock.today())
        services.budget_line_add(
            actor=lead,
            project=terms.project,
            year=year,
            category="fees",
            description="Steering group fees",
            quantity="12",
            unit_cost="50.00",
        )
        services.budget_line_add(
            actor=lead,
            project=terms.project,
            year=year + 1,
            category="other",
            description="Podcast",
            quantity="1.5",
            unit_cost="33.33",
            notes="Custom line",
        )
        claim = h.claim(terms)
        services.claim_approve(actor=lead, claim=claim)
        services.claim_pay(actor=lead, claim=claim)
        summary = selectors.budget_summary(terms.project, today=clock.today())
        assert [y.planned for y in summary.years] == [Decimal("600.00"), Decimal("50.00")]
        assert summary.years[0].spent == Decimal("75.00")
        assert summary.planned == Decimal("650.00") and summary.spent == Decimal("75.00")
        # Budget entries are for members, not sealed.
        assert Entry.objects.filter(type="money.budget_line_added").count() == 2

    def test_only_the_lead_plans_and_bad_lines_are_refused(self, terms: Any) -> None:
        with pytest.raises(NotAllowed):
            services.budget_line_add(
                actor=terms.users["contributor"],
                project=terms.project,
                year=2026,
                category="fees",
                description="x",
                quantity="1",
                unit_cost="1",
            )
        with pytest.raises(ValidationFailed, match="cannot be negative"):
            services.budget_line_add(
                actor=terms.users["lead"],
                project=terms.project,
                year=2026,
                category="fees",
                description="x",
                quantity="1",
                unit_cost="-1",
            )
        assert not BudgetLine.objects.exists()


class TestLateNotices:
    def test_send_reminders_flags_a_late_payment_to_the_person_lead_and_funder(
        self, terms: Any
    ) -> None:
        from workings.notifications.models import Notification
        from workings.notifications.reminders import reminders_send

        start = clock.now()
        claim = h.claim(terms)
        with clock.frozen_at(start + dt.timedelta(days=29)):
            assert reminders_send()["payments_late"] == 0
        with clock.frozen_at(start + dt.timedelta(days=31)):
            assert reminders_send()["payments_late"] == 3
            assert reminders_send()["payments_late"] == 0  # once only
        told = set(
            Notification.objects.filter(kind="money.payment_late").values_list("user_id", flat=True)
        )
        users = terms.users
        assert told == {users["contributor"].pk, users["lead"].pk, users["funder"].pk}
        claim.refresh_from_db()
        assert claim.late_on is not None


def test_the_annex_counts_late_payments_and_the_budget_for_the_team(terms: Any) -> None:
    from workings.reports.ledger_view import load
    from workings.reports.sections import plans

    start = clock.now()
    services.budget_line_add(
        actor=terms.users["lead"],
        project=terms.project,
        year=2026,
        category="fees",
        description="Fees",
        quantity="3",
        unit_cost="33.33",
    )
    claim = h.claim(terms)
    services.claim_approve(actor=terms.users["lead"], claim=claim)
    with clock.frozen_at(start + dt.timedelta(days=40)):
        services.claim_pay(actor=terms.users["lead"], claim=claim)
    facts = dict(plans.build(load(project=terms.project, audience="team"))["facts"])
    assert facts["Involvement budget planned for 2026–27"] == "99.99 GBP"
    assert facts["Payments later than the agreement promised"] == "1"
    assert "Claims paid" not in facts  # sealed: the team's annex does not read claims
    public = dict(plans.build(load(project=terms.project, audience="public"))["facts"])
    # Entry types are in every leaf's public header: the count is no secret; the budget is.
    assert public["Payments later than the agreement promised"] == "1"
    assert "Involvement budget planned for 2026–27" not in public
