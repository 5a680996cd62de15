"""Money over the API: the same services, selectors and policy as the pages. Amounts are
strings (Decimal, never float). Receipts are uploaded through the claim page only."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from workings.accounts.api_auth import project_auth
from workings.core import clock
from workings.core.exceptions import NotFound
from workings.core.schema import InputSchema
from workings.money import selectors, services
from workings.money.models import BudgetLine, Claim, Offer
from workings.money.permissions import money_policy
from workings.money.snapshots import BudgetLineSnapshot, ClaimSnapshot, OfferSnapshot

router = Router(tags=["money"])
MEMBERS = project_auth("view_members")


class YearOut(Schema):
    year: int
    label: str
    planned: str
    spent: str


class BudgetLineOut(Schema):
    id: int
    year: int
    category: str
    description: str
    quantity: str
    unit_cost: str
    notes: str


class MoneyOut(Schema):
    currency: str
    rate: str | None
    rate_kind: str | None
    payment_days: int | None
    planned: str
    spent: str
    owed: str
    claims_paid: int
    claims_late: int
    years: list[YearOut]
    lines: list[BudgetLineOut]


class OfferOut(Schema):
    id: int
    person: int
    activity: str
    meeting: int | None
    title: str
    hours: str
    preparation_hours: str
    rate: str
    rate_kind: str
    currency: str
    expenses_covered: str
    status: str
    benefits_advice_taken: bool
    public_sector_employee: bool


class ClaimOut(Schema):
    id: int
    offer: int
    person: int
    hours: str
    fee: str
    expenses_total: str
    currency: str
    note: str
    status: str
    claimed_on: str
    due_on: str
    approved_on: str | None
    paid_on: str | None
    days_to_payment: int
    late: bool


class OfferIn(InputSchema):
    person: int
    activity: str
    title: str
    hours: str
    preparation_hours: str = "0"
    meeting: int | None = None
    expenses_covered: str = ""


class OfferAnswerIn(InputSchema):
    answer: str
    benefits_advice_taken: bool = False
    public_sector_employee: bool = False


class ExpenseIn(InputSchema):
    kind: str
    description: str
    amount: str


class ClaimIn(InputSchema):
    hours: str | None = None
    note: str = ""
    expenses: list[ExpenseIn] = []


class ClaimRejectIn(InputSchema):
    reason: str


class ClaimPayIn(InputSchema):
    paid_on: str | None = None


class BudgetLineIn(InputSchema):
    year: int
    category: str
    description: str
    quantity: str
    unit_cost: str
    notes: str = ""


def _offer_out(offer: Offer) -> OfferOut:
    snap = OfferSnapshot.read(offer.snapshot())
    return OfferOut(
        id=offer.pk, **{k: getattr(snap, k) for k in OfferOut.model_fields if k != "id"}
    )


def _claim_out(claim: Claim) -> ClaimOut:
    snap = ClaimSnapshot.read(claim.snapshot())
    today = clock.today()
    return ClaimOut(
        id=claim.pk,
        offer=snap.offer,
        person=snap.person,
        hours=snap.hours,
        fee=snap.fee,
        expenses_total=snap.expenses_total,
        currency=snap.currency,
        note=snap.note,
        status=snap.status,
        claimed_on=snap.claimed_on,
        due_on=snap.due_on,
        approved_on=snap.approved_on,
        paid_on=snap.paid_on,
        days_to_payment=claim.days_to_payment(today),
        late=claim.is_late(today),
    )


def _offer(request: HttpRequest, offer_id: int) -> Offer:
    offer = (
        Offer.objects.filter(project=request.project, pk=offer_id)
        .select_related(  # type: ignore[attr-defined]
            "person", "project", "meeting"
        )
        .first()
    )
    if offer is None or not money_policy.can_view_offer(request.user, offer):
        raise NotFound(_("That offer does not exist."))
    return offer


def _claim(request: HttpRequest, claim_id: int) -> Claim:
    claim = (
        Claim.objects.filter(project=request.project, pk=claim_id)
        .select_related(  # type: ignore[attr-defined]
            "person", "project", "offer"
        )
        .first()
    )
    if claim is None or not money_policy.can_view_claim(request.user, claim):
        raise NotFound(_("That claim does not exist."))
    return claim


@router.get("/projects/{slug}/money", response=MoneyOut, auth=MEMBERS)
def money_summary(request: HttpRequest, slug: str) -> MoneyOut:
    """The agreement's payment terms, and the budget planned against what was paid, by tax
    year. Members and the funder's reviewers; nobody's own claims are in it."""
    project = request.project  # type: ignore[attr-defined]
    terms = selectors.terms_for(project)
    summary = selectors.budget_summary(project, today=clock.today())
    lines = []
    for line in selectors.budget_lines(project):
        snap = BudgetLineSnapshot.read(line.snapshot())
        lines.append(
            BudgetLineOut(
                id=line.pk,
                year=snap.year,
                category=snap.category,
                description=snap.description,
                quantity=snap.quantity,
                unit_cost=snap.unit_cost,
                notes=snap.notes,
            )
        )
    return MoneyOut(
        currency=summary.currency,
        rate=str(terms.rate) if terms else None,
        rate_kind=terms.rate_kind if terms else None,
        payment_days=terms.payment_days if terms else None,
        planned=str(summary.planned),
        spent=str(summary.spent),
        owed=str(summary.owed),
        claims_paid=summary.claims_paid,
        claims_late=summary.claims_late,
        years=[
            YearOut(year=y.year, label=y.label, planned=str(y.planned), spent=str(y.spent))
            for y in summary.years
        ],
        lines=lines,
    )


@router.post("/projects/{slug}/money/budget", response={201: BudgetLineOut}, auth=MEMBERS)
def money_budget_line_add(
    request: HttpRequest, slug: str, payload: BudgetLineIn
) -> Status[BudgetLineOut]:
    line = services.budget_line_add(actor=request.user, project=request.project, **payload.dict())  # type: ignore[attr-defined]
    return Status(201, _line_out(line))


def _line_out(line: BudgetLine) -> BudgetLineOut:
    return BudgetLineOut(
        id=line.pk,
        year=line.year,
        category=line.category,
        description=line.description,
        quantity=str(line.quantity),
        unit_cost=str(line.unit_cost),
        notes=line.notes,
    )


def _line(request: HttpRequest, line_id: int) -> BudgetLine:
    line = BudgetLine.objects.filter(
        project=request.project,  # type: ignore[attr-defined]
        pk=line_id,
        removed=False,
    ).first()
    if line is None:
        raise NotFound(_("That budget line does not exist."))
    return line


@router.put("/projects/{slug}/money/budget/{line_id}", response=BudgetLineOut, auth=MEMBERS)
def money_budget_line_change(
    request: HttpRequest, slug: str, line_id: int, payload: BudgetLineIn
) -> BudgetLineOut:
    """Change a budget line (the lead): every field is given again, as when it was added."""
    line = services.budget_line_change(
        actor=request.user, line=_line(request, line_id), **payload.dict()
    )
    return _line_out(line)


@router.delete("/projects/{slug}/money/budget/{line_id}", response={204: None}, auth=MEMBERS)
def money_budget_line_remove(request: HttpRequest, slug: str, line_id: int) -> Status[None]:
    """Remove a budget line (the lead). The log keeps it; the budget no longer counts it."""
    services.budget_line_remove(actor=request.user, line=_line(request, line_id))
    return Status(204, None)


@router.get("/projects/{slug}/money/offers", response=list[OfferOut], auth=MEMBERS)
def money_offer_list(request: HttpRequest, slug: str) -> list[OfferOut]:
    """Your own offers (the lead and the funder's reviewers: everyone's)."""
    return [_offer_out(o) for o in selectors.offers_for(request.user, request.project)]  # type: ignore[attr-defined]


@router.post("/projects/{slug}/money/offers", response={201: OfferOut}, auth=MEMBERS)
def money_offer_make(request: HttpRequest, slug: str, payload: OfferIn) -> Status[OfferOut]:
    offer = services.offer_make(actor=request.user, project=request.project, **payload.dict())  # type: ignore[attr-defined]
    return Status(201, _offer_out(offer))


@router.post("/projects/{slug}/money/offers/{offer_id}/answer", response=OfferOut, auth=MEMBERS)
def money_offer_answer(
    request: HttpRequest, slug: str, offer_id: int, payload: OfferAnswerIn
) -> OfferOut:
    offer = services.offer_answer(
        actor=request.user, offer=_offer(request, offer_id), **payload.dict()
    )
    return _offer_out(offer)


@router.get("/projects/{slug}/money/claims", response=list[ClaimOut], auth=MEMBERS)
def money_claim_list(request: HttpRequest, slug: str) -> list[ClaimOut]:
    """Your own claims (the lead and the funder's reviewers: everyone's)."""
    return [_claim_out(c) for c in selectors.claims_for(request.user, request.project)]  # type: ignore[attr-defined]


@router.post(
    "/projects/{slug}/money/offers/{offer_id}/claims", response={201: ClaimOut}, auth=MEMBERS
)
def money_claim_make(
    request: HttpRequest, slug: str, offer_id: int, payload: ClaimIn
) -> Status[ClaimOut]:
    claim = services.claim_make(
        actor=request.user,
        offer=_offer(request, offer_id),
        hours=payload.hours,
        note=payload.note,
        expenses=[e.dict() for e in payload.expenses],
    )
    return Status(201, _claim_out(claim))


@router.post("/projects/{slug}/money/claims/{claim_id}/approve", response=ClaimOut, auth=MEMBERS)
def money_claim_approve(request: HttpRequest, slug: str, claim_id: int) -> ClaimOut:
    return _claim_out(services.claim_approve(actor=request.user, claim=_claim(request, claim_id)))


@router.post("/projects/{slug}/money/claims/{claim_id}/reject", response=ClaimOut, auth=MEMBERS)
def money_claim_reject(
    request: HttpRequest, slug: str, claim_id: int, payload: ClaimRejectIn
) -> ClaimOut:
    claim = _claim(request, claim_id)
    return _claim_out(services.claim_reject(actor=request.user, claim=claim, reason=payload.reason))


@router.post("/projects/{slug}/money/claims/{claim_id}/paid", response=ClaimOut, auth=MEMBERS)
def money_claim_pay(
    request: HttpRequest, slug: str, claim_id: int, payload: ClaimPayIn
) -> ClaimOut:
    """Record that an approved claim was paid (the lead). Paying twice is refused (409)."""
    import datetime as dt

    from workings.core.exceptions import ValidationFailed

    claim = _claim(request, claim_id)
    day = None
    if payload.paid_on:
        try:
            day = dt.date.fromisoformat(payload.paid_on)
        except ValueError:
            raise ValidationFailed(
                _("paid_on must be a day like 2026-05-01."), field="paid_on"
            ) from None
    return _claim_out(services.claim_pay(actor=request.user, claim=claim, paid_on=day))
