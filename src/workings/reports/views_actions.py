"""Right of reply and registrations: thin views over services.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View

from workings.core.exceptions import NotAllowed, NotFound, WorkingsError
from workings.core.forms import add_service_error
from workings.projects.permissions import project_policy
from workings.reports import selectors, services
from workings.reports.forms import RegisterForm, ReplyAnswerForm, ReplyOpenForm, WithdrawForm
from workings.reports.models import Registration
from workings.reports.permissions import report_policy
from workings.reports.views import ReportsMixin


def _page(request: HttpRequest, template: str, ctx: dict[str, Any], form: Any) -> HttpResponse:
    return render(request, template, {**ctx, "form": form}, status=400 if form.errors else 200)


class ReplyOpenView(ReportsMixin, View):
    action = "update"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return _page(request, "reports/reply_open.html", self.report_context(), ReplyOpenForm())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = ReplyOpenForm(request.POST)
        if form.is_valid():
            try:
                services.reply_round_open(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The right-of-reply window is open."))
                return redirect("reports:index", slug=self.project.slug)
        return _page(request, "reports/reply_open.html", self.report_context(), form)


class ReplyAnswerView(ReportsMixin, View):
    def _round(self) -> Any:
        if not report_policy.can_reply(self.request.user, self.project):
            raise NotAllowed(_("Only contributors answer a right of reply."))
        rnd = selectors.latest_round(project=self.project)
        if rnd is None:
            raise NotFound(_("There is no right-of-reply window for this project."))
        return rnd

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        rnd = self._round()
        mine = next((a for a in rnd.answers.all() if a.user_id == request.user.pk), None)
        ctx = self.report_context(round=rnd, mine=mine)
        return _page(request, "reports/reply_answer.html", ctx, ReplyAnswerForm())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        rnd = self._round()
        form = ReplyAnswerForm(request.POST)
        if form.is_valid():
            try:
                services.reply_answer(
                    actor=request.user,
                    project=self.project,
                    round_id=rnd.pk,
                    kind=form.cleaned_data["kind"],
                    statement=form.cleaned_data["statement"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Thank you: your answer is recorded."))
                return redirect("reports:index", slug=self.project.slug)
        return _page(request, "reports/reply_answer.html", self.report_context(round=rnd), form)


class RegisterView(ReportsMixin, View):
    action = "update"

    def _form(self, data: Any = None) -> RegisterForm:
        audiences = [a for a in report_policy.audiences_for(self.request.user, self.project)]
        return RegisterForm(data, audiences=audiences)

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return _page(request, "reports/register.html", self.report_context(), self._form())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            try:
                reg = services.registration_create(
                    actor=request.user,
                    project=self.project,
                    audience=form.cleaned_data["audience"],
                    checkpoint_size=form.cleaned_data["checkpoint"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Registered. This link is permanent."))
                return redirect(reg)
        return _page(request, "reports/register.html", self.report_context(), form)


class RegistrationMixin:
    request: HttpRequest

    def registration(self, uuid: Any) -> Registration:
        reg = Registration.objects.select_related("project").filter(uuid=uuid).first()
        user = self.request.user
        if reg is None or not project_policy.can(user, "view", reg.project):
            raise NotFound(_("We could not find that registration."))
        if reg.audience not in report_policy.audiences_for(user, reg.project):
            raise NotAllowed(_("Your role does not let you see this registration."))
        return reg


def _tombstone(reg: Registration) -> dict[str, Any]:
    return {
        "registration": str(reg.uuid),
        "project": reg.project.slug,
        "audience": reg.audience,
        "checkpoint_size": reg.checkpoint_size,
        "withdrawn": True,
        "withdrawn_at": reg.withdrawn_at.isoformat() if reg.withdrawn_at else None,
        "withdrawn_reason": reg.withdrawn_reason,
        "detail": str(_("This registration was withdrawn; only its tombstone is kept.")),
    }


class RegistrationView(RegistrationMixin, View):
    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        import json

        reg = self.registration(uuid)
        if request.GET.get("format", "").lower() == "json":
            if reg.is_withdrawn:
                # The tombstone only: a withdrawn registration is never served in full.
                return JsonResponse(_tombstone(reg), status=410)
            response = HttpResponse(reg.annex_json, content_type="application/json")
            response["Content-Disposition"] = f'attachment; filename="registration-{reg.uuid}.json"'
            return response
        doc = None if reg.is_withdrawn else json.loads(reg.annex_json)
        return render(
            request,
            "reports/registration.html",
            {
                "reg": reg,
                "doc": doc,
                "project": reg.project,
                "can_withdraw": report_policy.can_register(request.user, reg.project),
            },
        )


class RegistrationWithdrawView(RegistrationMixin, View):
    def _check(self, uuid: Any) -> Registration:
        reg = self.registration(uuid)
        if not report_policy.can_register(self.request.user, reg.project):
            raise NotAllowed(_("Only a lead can withdraw a registration."))
        return reg

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        reg = self._check(uuid)
        return _page(request, "reports/withdraw.html", {"reg": reg}, WithdrawForm())

    def post(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        reg = self._check(uuid)
        form = WithdrawForm(request.POST)
        if form.is_valid():
            try:
                services.registration_withdraw(
                    actor=request.user, registration=reg, reason=form.cleaned_data["reason"]
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The registration is withdrawn; its tombstone stays."))
                return redirect(reg)
        return _page(request, "reports/withdraw.html", {"reg": reg}, form)
