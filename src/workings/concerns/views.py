"""Concern pages for signed-in people. Thin: parse, get through the policy, call one service,
render. The anonymous pages (no account) are in anonymous_views.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from workings.concerns import anonymous_views, reads, selectors, services
from workings.concerns.forms import (
    AskTeamForm,
    CloseForm,
    EscalateForm,
    RaiseForm,
    ReplyForm,
    SummaryAnswerForm,
    SummaryForm,
)
from workings.concerns.models import Concern, Mode
from workings.concerns.permissions import concern_get_for, concern_policy, concerns_project_for
from workings.concerns.presenters import concern_context
from workings.concerns.procedure import mode_readers, procedure_for
from workings.core import clock
from workings.core.exceptions import NotAllowed, NotFound, WorkingsError
from workings.core.forms import add_service_error
from workings.core.project_views import project_context
from workings.projects.permissions import project_policy

PAGE_SIZE = 25


class ConcernProjectMixin(View):
    """The project from the URL, for those the concern policy lets in: its members, the
    site's independent reviewers, and people who raised a concern there and have left."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        project = concerns_project_for(request.user, kwargs["slug"])
        self.project = project
        return super().dispatch(request, *args, **kwargs)

    def context(self, **extra: Any) -> dict[str, Any]:
        return project_context(self.request.user, self.project, **extra)


class ConcernListView(ConcernProjectMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        qs = selectors.concern_list_for(user=request.user, project=self.project)
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        concerns = list(page.object_list)
        labels = selectors.raiser_labels(
            [c for c in concerns if concern_policy.can_see_raiser(request.user, c)]
        )
        rows = [
            {
                "concern": c,
                "full": concern_policy.can_view_full(request.user, c),
                "raiser": labels.get(c.pk),
                "mine": concern_policy.is_raiser(request.user, c),
            }
            for c in concerns
        ]
        is_member = project_policy.is_member(request.user, self.project)
        anonymous_url = (
            reverse(
                "concerns:anonymous-raise",
                args=[self.project.slug, selectors.anonymous_key(self.project)],
            )
            if is_member
            else ""
        )
        return render(
            request,
            "concerns/concern_list.html",
            self.context(
                rows=rows,
                page=page,
                procedure=procedure_for(self.project),
                can_raise=concern_policy.can_raise(request.user, self.project),
                anonymous_url=anonymous_url,
            ),
        )


class ConcernRaiseView(ConcernProjectMixin):
    def _check(self) -> None:
        if not project_policy.can(self.request.user, "raise_concern", self.project):
            raise NotAllowed(_("Only members of this project can raise a concern here."))

    def _page(self, form: forms.Form) -> HttpResponse:
        return render(
            self.request,
            "concerns/concern_raise.html",
            self.context(
                form=form,
                mode_readers=mode_readers(self.project),
                procedure=procedure_for(self.project),
            ),
            status=400 if form.errors else 200,
        )

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        self._check()
        initial = {"link": request.GET.get("link", "")[:40]}
        return self._page(RaiseForm(initial=initial, project=self.project))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        self._check()
        form = RaiseForm(request.POST, project=self.project)
        if form.is_valid():
            data = dict(form.cleaned_data)
            mode = data.pop("mode")
            try:
                if mode == Mode.ANONYMOUS:
                    # The account is not passed on: the concern cannot be tied to it.
                    _concern, code = services.concern_raise_anonymous(project=self.project, **data)
                    return anonymous_views.receipt_page(request, self.project, code)
                concern = services.concern_raise(
                    actor=request.user, project=self.project, mode=mode, **data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return redirect("concerns:detail", self.project.slug, concern.pk)
        return self._page(form)


class ConcernMixin(ConcernProjectMixin):
    template = "concerns/concern_detail.html"

    def concern(self) -> Concern:
        return concern_get_for(self.request.user, self.project, self.kwargs["pk"])

    def page(
        self, concern: Concern, *, forms_: dict[str, forms.Form] | None = None
    ) -> HttpResponse:
        reads.note_concern_read(self.request.user, concern, via="page")
        ctx = concern_context(self.request.user, concern)
        given = forms_ or {}
        ctx["forms"] = {
            "reply": given.get("reply") or ReplyForm(),
            "escalate": given.get("escalate") or EscalateForm(),
            "ask_team": given.get("ask_team") or AskTeamForm(),
            "summary": given.get("summary") or SummaryForm(),
            "summary_answer": given.get("summary_answer") or SummaryAnswerForm(),
        }
        status = 400 if any(f.errors for f in given.values()) else 200
        return render(self.request, self.template, self.context(**ctx), status=status)


class ConcernDetailView(ConcernMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        return self.page(self.concern())


class _ConcernAction(ConcernMixin):
    """POST one form to one service; on refusal show the concern again with the message."""

    form_class: type[forms.Form] = ReplyForm
    form_key = "reply"

    def allowed(self, concern: Concern) -> bool:
        raise NotImplementedError

    def call(self, concern: Concern, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        concern = self.concern()
        if not self.allowed(concern):
            raise NotAllowed(_("You cannot do that with this concern."))
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.call(concern, form.cleaned_data)
            except (NotAllowed, NotFound):
                raise
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return redirect("concerns:detail", self.project.slug, concern.pk)
        concern.refresh_from_db()
        return self.page(concern, forms_={self.form_key: form})


class ConcernReplyView(_ConcernAction):
    def allowed(self, concern: Concern) -> bool:
        return concern_policy.can_reply(self.request.user, concern)

    def call(self, concern: Concern, data: dict[str, Any]) -> None:
        services.concern_reply(actor=self.request.user, concern=concern, body=data["body"])


class ConcernEscalateView(_ConcernAction):
    form_class, form_key = EscalateForm, "escalate"

    def allowed(self, concern: Concern) -> bool:
        return concern_policy.can_escalate(self.request.user, concern)

    def call(self, concern: Concern, data: dict[str, Any]) -> None:
        services.concern_escalate(actor=self.request.user, concern=concern, reason=data["reason"])


class ConcernAskTeamView(_ConcernAction):
    form_class, form_key = AskTeamForm, "ask_team"

    def allowed(self, concern: Concern) -> bool:
        return concern_policy.can_ask_team(self.request.user, concern)

    def call(self, concern: Concern, data: dict[str, Any]) -> None:
        services.concern_ask_team(actor=self.request.user, concern=concern, message=data["message"])


class ConcernSummaryView(_ConcernAction):
    form_class, form_key = SummaryForm, "summary"

    def allowed(self, concern: Concern) -> bool:
        return concern_policy.can_propose_summary(self.request.user, concern)

    def call(self, concern: Concern, data: dict[str, Any]) -> None:
        services.concern_summary_propose(
            actor=self.request.user, concern=concern, text=data["text"]
        )


class ConcernSummaryAnswerView(_ConcernAction):
    form_class, form_key = SummaryAnswerForm, "summary_answer"

    def allowed(self, concern: Concern) -> bool:
        return concern_policy.can_answer_summary(self.request.user, concern)

    def call(self, concern: Concern, data: dict[str, Any]) -> None:
        services.concern_summary_answer(
            actor=self.request.user,
            concern=concern,
            approve=data["decision"] == "approve",
            comment=data["comment"],
        )


class ConcernCloseView(ConcernMixin):
    def _form(self, concern: Concern, data: Any = None) -> CloseForm:
        outcomes = concern_policy.closing_outcomes(self.request.user, concern)
        if not outcomes:
            raise NotAllowed(_("You cannot close this concern."))
        return CloseForm(data, outcomes=outcomes)

    def _render(self, concern: Concern, form: CloseForm) -> HttpResponse:
        return render(
            self.request,
            "concerns/concern_close.html",
            self.context(concern=concern, form=form),
            status=400 if form.errors else 200,
        )

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        concern = self.concern()
        return self._render(concern, self._form(concern))

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        concern = self.concern()
        form = self._form(concern, request.POST)
        if form.is_valid():
            try:
                services.concern_close(actor=request.user, concern=concern, **form.cleaned_data)
            except (NotAllowed, NotFound):
                raise
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return redirect("concerns:detail", self.project.slug, concern.pk)
        return self._render(concern, form)


class InboxView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        project = request.GET.get("project", "")
        rows = selectors.inbox_by_urgency(
            user=request.user, today=clock.today(), project_slug=project
        )
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        shown = [row.concern for row in page.object_list if row.concern.mode != Mode.ANONYMOUS]
        labels = selectors.raiser_labels(shown)
        items = [{"row": row, "raiser": labels.get(row.concern.pk)} for row in page.object_list]
        overdue = sum(1 for row in rows if row.overdue)
        context = {"items": items, "page": page, "overdue": overdue, "project": project}
        return render(request, "concerns/inbox.html", context)
