"""The anonymous pages: raise a concern, and follow it up by receipt code, with no account.

These views never read or write request.session and never use the messages framework
(either could set a session cookie); they render their answers directly. Every response
says `Cache-Control: no-store` and `Referrer-Policy: no-referrer`. The receipt code only
ever travels in a POST body, never in a URL.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.decorators import decorator_from_middleware
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from workings.concerns import selectors, services
from workings.concerns.forms import (
    AnonymousRaiseForm,
    EscalateForm,
    ReceiptForm,
    ReplyForm,
    SummaryAnswerForm,
)
from workings.concerns.models import Concern
from workings.concerns.presenters import concern_context
from workings.concerns.procedure import procedure_for, readers_description
from workings.core.exceptions import NotFound, WorkingsError
from workings.core.forms import add_service_error
from workings.projects.models import Project


class _NoReferrerCsrf(CsrfViewMiddleware):
    """Browsers send `Origin: null` when posting from a `Referrer-Policy: no-referrer` page.
    The CSRF token (cookie and form field) is still required; only that null origin, which
    our own pages cause, is not held against the request."""

    def _origin_verified(self, request: HttpRequest) -> bool:
        if request.META.get("HTTP_ORIGIN") == "null":
            return True
        return super()._origin_verified(request)


def anonymous_view(view: Any) -> Any:
    """The site-wide CSRF check is swapped for the one above on the anonymous pages."""
    return csrf_exempt(decorator_from_middleware(_NoReferrerCsrf)(view))


def private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def receipt_page(request: HttpRequest, project: Project, code: str) -> HttpResponse:
    follow_up = selectors.anonymous_key(project)
    return private(
        render(
            request,
            "concerns/anonymous_receipt.html",
            {"project": project, "code": code, "key": follow_up},
        )
    )


class _AnonymousMixin(View):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        project = selectors.project_for_anonymous_key(slug=kwargs["slug"], key=kwargs["key"])
        if project is None:
            raise NotFound(_("This link is not valid. Ask a member of the project for a new one."))
        self.project = project
        return private(super().dispatch(request, *args, **kwargs))


class AnonymousRaiseView(_AnonymousMixin):
    def _page(self, form: forms.Form) -> HttpResponse:
        return render(
            self.request,
            "concerns/anonymous_raise.html",
            {
                "project": self.project,
                "key": self.kwargs["key"],
                "form": form,
                "readers": readers_description(self.project, sealed=True),
                "procedure": procedure_for(self.project),
            },
            status=400 if form.errors else 200,
        )

    def get(self, request: HttpRequest, slug: str, key: str) -> HttpResponse:
        return self._page(AnonymousRaiseForm())

    def post(self, request: HttpRequest, slug: str, key: str) -> HttpResponse:
        form = AnonymousRaiseForm(request.POST)
        if form.is_valid():
            try:
                _concern, code = services.concern_raise_anonymous(
                    project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return receipt_page(request, self.project, code)
        return self._page(form)


class AnonymousFollowUpView(_AnonymousMixin):
    """GET: ask for the code. POST: `code` plus `action` (view, reply, escalate, summary)."""

    def _ask(self, form: ReceiptForm, status: int = 200) -> HttpResponse:
        return render(
            self.request,
            "concerns/anonymous_follow_up.html",
            {"project": self.project, "key": self.kwargs["key"], "form": form},
            status=status,
        )

    def _concern(self, concern: Concern, code: str, forms_: dict[str, forms.Form]) -> HttpResponse:
        ctx = concern_context(None, concern, as_raiser=True)
        ctx["forms"] = {
            "reply": forms_.get("reply") or ReplyForm(),
            "escalate": forms_.get("escalate") or EscalateForm(),
            "summary_answer": forms_.get("summary_answer") or SummaryAnswerForm(),
        }
        status = 400 if any(f.errors for f in forms_.values()) else 200
        return render(
            self.request,
            "concerns/anonymous_concern.html",
            {**ctx, "project": self.project, "key": self.kwargs["key"], "code": code},
            status=status,
        )

    def get(self, request: HttpRequest, slug: str, key: str) -> HttpResponse:
        return self._ask(ReceiptForm())

    def post(self, request: HttpRequest, slug: str, key: str) -> HttpResponse:
        receipt = ReceiptForm(request.POST)
        if not receipt.is_valid():
            return self._ask(receipt, status=400)
        code = receipt.cleaned_data["code"]
        action = request.POST.get("action", "view")
        try:
            concern = services.concern_by_receipt(project=self.project, code=code)
        except WorkingsError as error:
            add_service_error(receipt, error)
            return self._ask(receipt, status=400)
        form: forms.Form | None = None
        key_name = ""
        try:
            if action == "reply":
                key_name, form = "reply", ReplyForm(request.POST)
                if form.is_valid():
                    services.concern_reply_anonymous(
                        project=self.project, code=code, body=form.cleaned_data["body"]
                    )
            elif action == "escalate":
                key_name, form = "escalate", EscalateForm(request.POST)
                if form.is_valid():
                    services.concern_escalate_anonymous(
                        project=self.project, code=code, reason=form.cleaned_data["reason"]
                    )
            elif action == "summary":
                key_name, form = "summary_answer", SummaryAnswerForm(request.POST)
                if form.is_valid():
                    services.concern_summary_answer_anonymous(
                        project=self.project,
                        code=code,
                        approve=form.cleaned_data["decision"] == "approve",
                        comment=form.cleaned_data["comment"],
                    )
        except WorkingsError as error:
            assert form is not None
            add_service_error(form, error)
        concern.refresh_from_db()
        forms_: dict[str, forms.Form] = {}
        if form is not None and form.errors:
            forms_[key_name] = form
        return self._concern(concern, code, forms_)
