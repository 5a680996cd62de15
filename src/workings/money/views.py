"""Money pages. Thin: get through the policies, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.core import clock
from workings.core.exceptions import Conflict, NotAllowed, NotFound, WorkingsError
from workings.core.forms import add_service_error
from workings.events.fragments import KeptBodyMixin
from workings.money import amounts, selectors, services
from workings.money.forms import (
    AnswerForm,
    BudgetLineForm,
    ClaimForm,
    OfferForm,
    PayForm,
    RejectForm,
)
from workings.money.models import BudgetLine, Claim, Offer, RateKind
from workings.money.permissions import money_policy
from workings.projects.models import Membership
from workings.projects.roles import Role
from workings.projects.views import ProjectMixin

RECENT = 20


class MoneyMixin(KeptBodyMixin, ProjectMixin, View):
    action = "view_members"

    def render(self, template: str, status: int = 200, **extra: Any) -> HttpResponse:
        return render(self.request, template, self.money_context(**extra), status=status)

    def money_context(self, **extra: Any) -> dict[str, Any]:
        user = self.request.user
        return self.context(
            manage=money_policy.can_manage(user, self.project),
            everyones=money_policy.can_see_everyones(user, self.project),
            **extra,
        )

    def offer(self, pk: int) -> Offer:
        offer = (
            Offer.objects.filter(project=self.project, pk=pk)
            .select_related("person__user", "project", "meeting")
            .first()
        )
        if offer is None or not money_policy.can_view_offer(self.request.user, offer):
            raise NotFound(_("That offer does not exist."))
        return offer

    def claim(self, pk: int) -> Claim:
        claim = (
            Claim.objects.filter(project=self.project, pk=pk)
            .select_related("person__user", "project", "offer")
            .first()
        )
        if claim is None or not money_policy.can_view_claim(self.request.user, claim):
            raise NotFound(_("That claim does not exist."))
        return claim


class MoneyHomeView(MoneyMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self.page()

    def page(self, budget_form: BudgetLineForm | None = None) -> HttpResponse:
        # The budget page is read far more often than money moves: its body is kept while
        # the project's log does not move (every money step is a ledger event).
        return self.body_page(
            "money/home.html",
            "money/_home.html",
            lambda: self.money_context(**self.home(budget_form)),
            cache=budget_form is None,
            status=400 if budget_form is not None and budget_form.errors else 200,
        )

    def home(self, budget_form: BudgetLineForm | None) -> dict[str, Any]:
        user, project = self.request.user, self.project
        today = clock.today()
        summary = selectors.budget_summary(project, today=today)
        mine = Membership.objects.filter(project=project, user=user, left_at=None).first()
        return dict(
            terms=(terms := selectors.terms_for(project)),
            rate_kind=RateKind(terms.rate_kind).label
            if terms and terms.rate_kind in RateKind.values
            else "",
            summary=summary,
            # The latest few: the budget page stays as quick with 5,000 claims as with 5
            # (the finance CSV and the API list them all).
            offers=selectors.offers_for(user, project)[:RECENT],
            claims=selectors.claims_for(user, project)[:RECENT],
            budget_form=budget_form or BudgetLineForm(initial={"year": amounts.tax_year_of(today)}),
            statement_year=amounts.tax_year_of(today),
            my_membership=mine,
            today=today,
        )


class BudgetLineAddView(MoneyHomeView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not money_policy.can_manage(request.user, self.project):
            raise NotAllowed(_("Only the project's lead plans the budget."))
        form = BudgetLineForm(request.POST)
        if form.is_valid():
            try:
                services.budget_line_add(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The budget line was added."))
                return redirect("money:home", slug=slug)
        return self.page(budget_form=form)


class BudgetLineEditView(MoneyMixin):
    def _line(self, pk: int) -> BudgetLine:
        if not money_policy.can_manage(self.request.user, self.project):
            raise NotAllowed(_("Only the project's lead plans the budget."))
        line = BudgetLine.objects.filter(project=self.project, pk=pk, removed=False).first()
        if line is None:
            raise NotFound(_("That budget line does not exist."))
        return line

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        line = self._line(pk)
        initial = {
            "year": line.year,
            "category": line.category,
            "description": line.description,
            "quantity": line.quantity.normalize(),
            "unit_cost": line.unit_cost,
            "notes": line.notes,
        }
        form = BudgetLineForm(initial=initial)
        return self.render("money/budget_line_form.html", line=line, form=form)

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        line = self._line(pk)
        form = BudgetLineForm(request.POST)
        if form.is_valid():
            try:
                services.budget_line_change(actor=request.user, line=line, **form.cleaned_data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The budget line was changed."))
                return redirect("money:home", slug=slug)
        return self.render("money/budget_line_form.html", status=400, line=line, form=form)


class BudgetLineRemoveView(MoneyMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        line = BudgetLine.objects.filter(project=self.project, pk=pk, removed=False).first()
        if line is None:
            raise NotFound(_("That budget line does not exist."))
        services.budget_line_remove(actor=request.user, line=line)
        messages.success(request, _("The budget line was removed."))
        return redirect("money:home", slug=slug)


def _offer_form(project: Any, data: Any = None) -> OfferForm:
    from workings.record.models.meetings import Meeting

    people = [
        (m.pk, m.label)
        for m in Membership.objects.filter(
            project=project, role=Role.CONTRIBUTOR, left_at=None
        ).select_related("user")
    ]
    meetings = [
        (m.pk, str(m.item))
        for m in Meeting.objects.filter(item__project=project).select_related("item")[:200]
    ]
    return OfferForm(data, people=people, meetings=meetings)


class OfferCreateView(MoneyMixin):
    def _check(self) -> None:
        if not money_policy.can_manage(self.request.user, self.project):
            raise NotAllowed(_("Only the project's lead offers payment."))

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        self._check()
        return self.render("money/offer_form.html", form=_offer_form(self.project))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        self._check()
        form = _offer_form(self.project, request.POST)
        if form.is_valid():
            try:
                offer = services.offer_make(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The offer was sent."))
                return redirect("money:offer", slug=slug, pk=offer.pk)
        return self.render("money/offer_form.html", status=400, form=form)


class OfferDetailView(MoneyMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        return self.page(self.offer(pk), AnswerForm())

    def page(self, offer: Offer, form: AnswerForm) -> HttpResponse:
        user = self.request.user
        return self.render(
            "money/offer_detail.html",
            status=400 if form.errors else 200,
            offer=offer,
            fee=amounts.shown(offer.fee, offer.currency),
            rate=amounts.shown(offer.rate, offer.currency),
            form=form,
            can_answer=money_policy.can_answer(user, offer),
            can_claim=money_policy.can_claim(user, offer),
            claims=offer.claims.all(),
        )

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        offer = self.offer(pk)
        if not money_policy.can_answer(request.user, offer):
            raise NotAllowed(_("Only the person offered answers an offer."))
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.offer_answer(actor=request.user, offer=offer, **form.cleaned_data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Thank you: your answer is recorded."))
                return redirect("money:offer", slug=slug, pk=pk)
        return self.page(offer, form)


class ClaimCreateView(MoneyMixin):
    def _offer(self, pk: int) -> Offer:
        offer = self.offer(pk)
        if not money_policy.can_claim(self.request.user, offer):
            raise NotAllowed(_("Only the person who accepted this offer can claim against it."))
        return offer

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        offer = self._offer(pk)
        form = ClaimForm(initial={"hours": services.prefilled_hours(offer)})
        return self.render("money/claim_form.html", offer=offer, form=form)

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        offer = self._offer(pk)
        form = ClaimForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                claim = services.claim_make(
                    actor=request.user,
                    offer=offer,
                    hours=form.cleaned_data["hours"],
                    note=form.cleaned_data["note"],
                    expenses=form.expenses(),
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your claim was sent to the lead."))
                return redirect("money:claim", slug=slug, pk=claim.pk)
        return self.render("money/claim_form.html", status=400, offer=offer, form=form)


class ClaimDetailView(MoneyMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        return self.page(self.claim(pk))

    def page(self, claim: Claim, form: Any = None, status: int = 200) -> HttpResponse:
        user, today = self.request.user, clock.today()
        return self.render(
            "money/claim_detail.html",
            status=status,
            claim=claim,
            fee=amounts.shown(claim.fee, claim.currency),
            expenses=[(e, amounts.shown(e.amount, claim.currency)) for e in claim.expenses.all()],
            total=amounts.shown(claim.total, claim.currency),
            days=claim.days_to_payment(today),
            late=claim.is_late(today),
            can_approve=money_policy.can_approve(user, claim),
            can_pay=money_policy.can_pay(user, claim) and claim.status == "approved",
            reject_form=form if isinstance(form, RejectForm) else RejectForm(),
            pay_form=form if isinstance(form, PayForm) else PayForm(initial={"paid_on": today}),
        )


class ClaimApproveView(ClaimDetailView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        services.claim_approve(actor=request.user, claim=self.claim(pk))
        messages.success(request, _("The claim is approved."))
        return redirect("money:claim", slug=slug, pk=pk)


class ClaimRejectView(ClaimDetailView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        claim = self.claim(pk)
        if not money_policy.can_decide(request.user, claim):
            raise NotAllowed(_("Only the project's lead decides a claim, and never their own."))
        form = RejectForm(request.POST)
        if form.is_valid():
            try:
                services.claim_reject(actor=request.user, claim=claim, **form.cleaned_data)
            except NotAllowed:
                raise
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return redirect("money:claim", slug=slug, pk=pk)
        return self.page(claim, form, status=400)


class ClaimPayView(ClaimDetailView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        claim = self.claim(pk)
        if not money_policy.can_pay(request.user, claim):
            raise NotAllowed(_("Only the project's lead records a payment, never their own."))
        form = PayForm(request.POST)
        if form.is_valid():
            try:
                services.claim_pay(actor=request.user, claim=claim, **form.cleaned_data)
            except NotAllowed:
                raise
            except Conflict as error:
                messages.error(request, error.message)
                return self.page(claim, form, status=409)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The payment is recorded."))
                return redirect("money:claim", slug=slug, pk=pk)
        return self.page(claim, form, status=400)
