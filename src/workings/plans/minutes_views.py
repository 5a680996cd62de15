"""The pages of the minutes of steering meetings. Thin: get through the policy, call one
service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, WorkingsError
from workings.core.forms import add_service_error
from workings.core.text import render_markdown
from workings.plans import minutes as minutes_services
from workings.plans import selectors, services
from workings.plans.forms import MinutesCommentForm, MinutesFinaliseForm, MinutesForm
from workings.plans.models import Minutes
from workings.plans.permissions import minutes_get_for, plans_policy, require
from workings.plans.views import PlansMixin


class MinutesListView(PlansMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        require(plans_policy.can_view(request.user, self.project), _("Members only."))
        today = clock.today()
        rows = list(
            Minutes.objects.filter(project=self.project)
            .select_related("project")
            .order_by("-met_on", "-id")[:200]
        )
        return self.page(
            "minutes_list.html",
            rows=[{"row": m, "open": m.open_for_comments(today)} for m in rows],
            can_write=plans_policy.can_write_minutes(request.user, self.project),
        )


class MinutesCreateView(PlansMixin):
    def allowed(self) -> None:
        require(
            plans_policy.can_write_minutes(self.request.user, self.project),
            _("Only the project's lead or a researcher writes the minutes."),
        )

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        self.allowed()
        return self.page("minutes_form.html", form=MinutesForm(project=self.project))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        self.allowed()
        form = MinutesForm(request.POST, project=self.project)
        if form.is_valid():
            try:
                minutes = minutes_services.minutes_draft(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The draft minutes are shared for comments."))
                return redirect(minutes.get_absolute_url())
        return self.page("minutes_form.html", status=400, form=form)


class MinutesDetailView(PlansMixin):
    def get(
        self, request: HttpRequest, slug: str, pk: int, status: int = 200, **forms: Any
    ) -> HttpResponse:
        minutes = minutes_get_for(request.user, self.project, pk)
        user = request.user
        mine = services.my_membership(user, self.project)
        names = selectors.labels(self.project)
        today = clock.today()
        is_open = minutes.open_for_comments(today)
        can_finalise = plans_policy.can_finalise(user, minutes, mine.pk if mine else None)
        return self.page(
            "minutes.html",
            status=status,
            minutes=minutes,
            writer=names.get(minutes.written_by_id, ""),
            draft_html=render_markdown(minutes.draft),
            final_html=render_markdown(minutes.final) if minutes.final else "",
            comments=[
                {"row": c, "by": names.get(c.author_id, "")}
                for c in minutes.comments.order_by("id")
            ],
            is_open=is_open,
            can_comment=is_open and plans_policy.can_comment_minutes(user, self.project),
            can_finalise=can_finalise and minutes.is_draft(),
            finalise_ready=minutes.is_draft() and today > minutes.comments_until,
            comment_form=forms.get("comment_form") or MinutesCommentForm(),
            finalise_form=forms.get("finalise_form")
            or MinutesFinaliseForm(initial={"final": minutes.draft}),
        )


class MinutesCommentView(PlansMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        minutes = minutes_get_for(request.user, self.project, pk)
        require(
            plans_policy.can_comment_minutes(request.user, self.project),
            _("Only the project's contributors comment on draft minutes."),
        )
        form = MinutesCommentForm(request.POST)
        if form.is_valid():
            try:
                minutes_services.minutes_comment(
                    actor=request.user, minutes=minutes, **form.cleaned_data
                )
            except WorkingsError as error:
                if isinstance(error, NotAllowed):
                    raise
                add_service_error(form, error)
            else:
                messages.success(request, _("Your comment is added to the draft minutes."))
                return redirect(minutes.get_absolute_url())
        return MinutesDetailView.get(self, request, slug, pk, status=400, comment_form=form)  # type: ignore[arg-type]


class MinutesFinaliseView(PlansMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        minutes = minutes_get_for(request.user, self.project, pk)
        mine = services.my_membership(request.user, self.project)
        require(
            plans_policy.can_finalise(request.user, minutes, mine.pk if mine else None),
            _("Only the person who wrote these minutes makes them final."),
        )
        form = MinutesFinaliseForm(request.POST)
        if form.is_valid():
            try:
                minutes_services.minutes_finalise(
                    actor=request.user, minutes=minutes, **form.cleaned_data
                )
            except WorkingsError as error:
                if isinstance(error, NotAllowed):
                    raise
                add_service_error(form, error)
            else:
                messages.success(request, _("The minutes are final."))
                return redirect(minutes.get_absolute_url())
        return MinutesDetailView.get(self, request, slug, pk, status=400, finalise_form=form)  # type: ignore[arg-type]
