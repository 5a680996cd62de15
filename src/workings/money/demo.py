"""The demo's money: STRIDE's involvement budget over three tax years, offers for meetings
and tasks (one waived: Kestrel takes part unpaid because of benefits), claims paid on time
and late against the agreement's promise, one with a receipt, and one still waiting."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from workings.core.clock import frozen_at
from workings.core.demo import DemoContext
from workings.money import services
from workings.money.models import BudgetLine
from workings.projects.models import Membership

DEMO_ORDER = 35

BUDGET = (
    # (tax year, heading, description, quantity, unit cost, notes)
    (2024, "fees", "Steering group meetings (4 contributors × 4 meetings)", "16", "50.00", ""),
    (2024, "travel", "Travel to meetings", "16", "12.50", "Bus and train at cost"),
    (2024, "training", "Research awareness session", "1", "300.00", ""),
    (2025, "fees", "Steering group meetings (5 contributors × 6 meetings)", "30", "50.00", ""),
    (2025, "preparation", "Reading papers before meetings", "30", "25.00", "One hour each"),
    (2025, "carers", "Carer cover on meeting days", "6", "40.00", ""),
    (2025, "equipment", "Phone data for online meetings", "5", "20.00", ""),
    (2026, "fees", "Steering group meetings", "24", "50.00", ""),
    (2026, "other", "Plain-English podcast of the results", "1", "450.00", "A custom line"),
)


def _at(day: str, hour: int = 11) -> Any:
    d = dt.date.fromisoformat(day)
    return frozen_at(dt.datetime(d.year, d.month, d.day, hour, 0, tzinfo=dt.UTC))


def _receipt() -> Any:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=300, height=400)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile("receipt.pdf", out.getvalue(), content_type="application/pdf")


def _meeting_for(stride: Any, membership: Membership) -> Any:
    from workings.record.models.meetings import Meeting

    return (
        Meeting.objects.filter(item__project=stride, participants=membership)
        .order_by("item__occurred_on", "pk")
        .first()
    )


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    if BudgetLine.objects.filter(project=stride).exists():
        return
    lead = ctx.people["lead"]
    with _at("2025-03-01"):
        for year, category, description, quantity, cost, notes in BUDGET:
            services.budget_line_add(
                actor=lead,
                project=stride,
                year=year,
                category=category,
                description=description,
                quantity=quantity,
                unit_cost=cost,
                notes=notes,
            )
    margaret, dev, kestrel = (
        ctx.people[k] for k in ("contributor1", "contributor2", "contributor3")
    )
    member = {m.user_id: m for m in Membership.objects.filter(project=stride, left_at=None)}

    def offer(who: Any, title: str, hours: str, prep: str = "1") -> Any:
        meeting = _meeting_for(stride, member[who.pk])
        kind = {"activity": "meeting", "meeting": meeting.pk} if meeting else {"activity": "task"}
        if meeting is not None:
            hours = str(meeting.hours + int(prep))
        return services.offer_make(
            actor=lead,
            project=stride,
            person=member[who.pk].pk,
            title=title,
            hours=hours,
            preparation_hours=prep,
            **kind,
        )

    # Paid on time, with a travel receipt.
    with _at("2025-05-02"):
        on_time = offer(margaret, "Steering group, May", "3")
    with _at("2025-05-03"):
        services.offer_answer(
            actor=margaret, offer=on_time, answer="accept", benefits_advice_taken=True
        )
    with _at("2025-05-20"):
        claim = services.claim_make(
            actor=margaret,
            offer=on_time,
            expenses=[
                {
                    "kind": "travel",
                    "description": "Return bus fare",
                    "amount": "6.80",
                    "receipt": _receipt(),
                }
            ],
        )
    with _at("2025-05-22"):
        services.claim_approve(actor=lead, claim=claim)
    with _at("2025-05-29"):
        services.claim_pay(actor=lead, claim=claim)
    # Paid late: the promise was broken, and the log and the annex say so.
    with _at("2025-06-02"):
        late = services.offer_make(
            actor=lead,
            project=stride,
            person=member[dev.pk].pk,
            activity="document_review",
            title="Review the participant leaflet",
            hours="4",
            preparation_hours="0",
        )
    with _at("2025-06-03"):
        services.offer_answer(actor=dev, offer=late, answer="accept", public_sector_employee=True)
    with _at("2025-06-20"):
        late_claim = services.claim_make(actor=dev, offer=late)
    with _at("2025-07-10"):
        services.claim_approve(actor=lead, claim=late_claim)
    with _at("2025-08-04"):
        services.late_claim_record(claim=late_claim, today=dt.date(2025, 8, 4))
    with _at("2025-08-29"):
        services.claim_pay(actor=lead, claim=late_claim)
    # Waived: Kestrel takes part unpaid, by choice.
    with _at("2025-09-01"):
        waived = offer(kestrel, "Steering group, September", "3")
    with _at("2025-09-02"):
        services.offer_answer(
            actor=kestrel, offer=waived, answer="waive", benefits_advice_taken=True
        )
    # Waiting: claimed, approved, not yet paid.
    with _at("2026-10-01"):
        waiting = services.offer_make(
            actor=lead,
            project=stride,
            person=member[margaret.pk].pk,
            activity="task",
            title="Plain-English summary of the results",
            hours="5",
            preparation_hours="1",
        )
    with _at("2026-10-02"):
        services.offer_answer(
            actor=margaret, offer=waiting, answer="accept", benefits_advice_taken=True
        )
    with _at("2026-11-10"):
        pending = services.claim_make(actor=margaret, offer=waiting)
    with _at("2026-11-12"):
        services.claim_approve(actor=lead, claim=pending)
