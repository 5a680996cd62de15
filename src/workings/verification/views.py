"""Verification pages. Thin: get through the policy, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils.decorators import decorator_from_middleware, method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from workings.core.exceptions import NotAllowed, WorkingsError
from workings.core.forms import add_service_error
from workings.projects.views import ProjectMixin
from workings.verification import selectors, services
from workings.verification.forms import AnswerForm, ClaimsForm, RequestForm
from workings.verification.models import MIN_ANSWERS_SHOWN, VerificationRequest
from workings.verification.permissions import request_get_for, verification_policy


class VerificationMixin(ProjectMixin, View):
    action = "view_members"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def vr(self, pk: int) -> VerificationRequest:
        return request_get_for(self.request.user, self.project, pk)

    def manager_only(self) -> None:
        if not verification_policy.can_manage(self.request.user, self.project):
            raise NotAllowed(_("Only the funder's reviewers of this project may do that."))

    def page(self, template: str, status: int = 200, **extra: Any) -> HttpResponse:
        user = self.request.user
        return render(
            self.request,
            f"verification/{template}",
            self.context(
                manage=verification_policy.can_manage(user, self.project),
                min_shown=MIN_ANSWERS_SHOWN,
                **extra,
            ),
            status=status,
        )


class RequestListView(VerificationMixin):
    def get(self, request: HttpRequest, slug: str, form: RequestForm | None = None) -> HttpResponse:
        rows = selectors.request_list(user=request.user, project=self.project)
        return self.page(
            "list.html",
            status=400 if form is not None and form.errors else 200,
            requests=[(r, verification_policy.can_answer(request.user, r)) for r in rows],
            form=form or RequestForm(),
        )

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        self.manager_only()
        form = RequestForm(request.POST)
        if form.is_valid():
            try:
                vr = services.request_create(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("The claims are ready. Check each one before you send them.")
                )
                return redirect("verification:claims", slug=slug, pk=vr.pk)
        return self.get(request, slug, form=form)


class RequestDetailView(VerificationMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        vr = self.vr(pk)
        user = request.user
        manage = verification_policy.can_manage(user, self.project)
        return self.page(
            "detail.html",
            vr=vr,
            claims=selectors.claims_of(vr),
            rate=selectors.response_rate(vr) if manage else None,
            result=selectors.result_of(vr)
            if verification_policy.can_see_results(user, vr)
            else None,
            can_answer=verification_policy.can_answer(user, vr),
            asked=verification_policy.recipient_for(user, vr) is not None,
            read_answers=verification_policy.can_read_answers(user, self.project),
        )


class ClaimsEditView(VerificationMixin):
    def get(
        self, request: HttpRequest, slug: str, pk: int, form: ClaimsForm | None = None
    ) -> HttpResponse:
        self.manager_only()
        vr = self.vr(pk)
        initial = "\n".join(c.text for c in selectors.claims_of(vr))
        return self.page(
            "claims.html",
            status=400 if form is not None and form.errors else 200,
            vr=vr,
            form=form or ClaimsForm(initial={"claims": initial}),
        )

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        self.manager_only()
        vr = self.vr(pk)
        form = ClaimsForm(request.POST)
        if form.is_valid():
            try:
                services.claims_edit(actor=request.user, request=vr, claims=form.cleaned_claims())
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The claims are saved."))
                return redirect("verification:detail", slug=slug, pk=pk)
        return self.get(request, slug, pk, form=form)


class _ActionView(VerificationMixin):
    done = ""

    def act(self, vr: VerificationRequest) -> Any:
        raise NotImplementedError

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        self.manager_only()
        vr = self.vr(pk)
        try:
            self.act(vr)
        except WorkingsError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, self.message())
        return redirect("verification:detail", slug=slug, pk=pk)

    def message(self) -> str:
        return ""


class RequestSendView(_ActionView):
    def act(self, vr: VerificationRequest) -> Any:
        return services.request_send(actor=self.request.user, request=vr)

    def message(self) -> str:
        return _("Sent to every current and former contributor.")


class RequestRemindView(_ActionView):
    def act(self, vr: VerificationRequest) -> Any:
        self.count = services.request_remind(actor=self.request.user, request=vr)

    def message(self) -> str:
        return _("Reminded %(count)s people who have not answered yet.") % {"count": self.count}


class RequestCloseView(_ActionView):
    def act(self, vr: VerificationRequest) -> Any:
        return services.request_close(actor=self.request.user, request=vr)

    def message(self) -> str:
        return _("The request is closed and its counts are recorded.")


class AnswersView(VerificationMixin):
    """Each person's answers, for the funder's reviewers only."""

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        vr = self.vr(pk)
        if not verification_policy.can_read_answers(request.user, self.project):
            raise NotAllowed(_("Only the funder's reviewers read individual answers."))
        return self.page(
            "answers.html",
            vr=vr,
            responses=selectors.responses_for_funder(vr),
            claims=selectors.claims_of(vr),
        )


class AnswerView(VerificationMixin):
    """A current contributor answers, signed in."""

    def get(
        self, request: HttpRequest, slug: str, pk: int, form: AnswerForm | None = None
    ) -> HttpResponse:
        vr = self.vr(pk)
        if verification_policy.recipient_for(request.user, vr) is None:
            raise NotAllowed(_("This request was not sent to you, so there is nothing to answer."))
        return self.page(
            "answer.html",
            status=400 if form is not None and form.errors else 200,
            vr=vr,
            can_answer=verification_policy.can_answer(request.user, vr),
            form=form or AnswerForm(claims=selectors.claims_of(vr)),
            action_url=request.path,
        )

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        vr = self.vr(pk)
        form = AnswerForm(request.POST, claims=selectors.claims_of(vr))
        if form.is_valid():
            try:
                services.answer_as_member(
                    actor=request.user,
                    request=vr,
                    answers=form.answers(),
                    anonymous=form.cleaned_data["anonymous"],
                )
            except WorkingsError as error:
                if isinstance(error, NotAllowed):
                    raise
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("Thank you. Your answers are recorded and kept private.")
                )
                return redirect("verification:detail", slug=slug, pk=pk)
        return self.get(request, slug, pk, form=form)


# --- A former contributor's one-time link: no account, no session, no messages ----------


class _NullOriginCsrf(CsrfViewMiddleware):
    """A `Referrer-Policy: no-referrer` page posts with `Origin: null`; the CSRF token is
    still required, only that null origin (which our own page causes) is not held against it."""

    def _origin_verified(self, request: HttpRequest) -> bool:
        if request.META.get("HTTP_ORIGIN") == "null":
            return True
        return super()._origin_verified(request)


def _private(response: HttpResponse) -> HttpResponse:
    # The link's token is in the address: never cached, never sent on as a referrer.
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(decorator_from_middleware(_NullOriginCsrf), name="dispatch")
class LinkAnswerView(View):
    def page(self, template: str, status: int = 200, **extra: Any) -> HttpResponse:
        return _private(render(self.request, f"verification/{template}", extra, status=status))

    def refused(self, error: WorkingsError) -> HttpResponse:
        return self.page(
            "link_refused.html",
            status=410 if error.__class__.__name__ == "Conflict" else 404,
            message=error.message,
        )

    def get(self, request: HttpRequest, token: str, form: AnswerForm | None = None) -> HttpResponse:
        try:
            recipient = services.link_recipient(token)
        except WorkingsError as error:
            return self.refused(error)
        vr = recipient.request
        return self.page(
            "link_answer.html",
            status=400 if form is not None and form.errors else 200,
            vr=vr,
            project=vr.project,
            form=form or AnswerForm(claims=selectors.claims_of(vr)),
            min_shown=MIN_ANSWERS_SHOWN,
        )

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            recipient = services.link_recipient(token)
        except WorkingsError as error:
            return self.refused(error)
        form = AnswerForm(request.POST, claims=selectors.claims_of(recipient.request))
        if form.is_valid():
            try:
                services.answer_by_link(
                    token=token, answers=form.answers(), anonymous=form.cleaned_data["anonymous"]
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return self.page("link_thanks.html", project=recipient.request.project)
        return self.get(request, token, form=form)
