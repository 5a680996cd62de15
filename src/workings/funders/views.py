"""Funder pages. Thin: get through the policy, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.core.exceptions import NotAllowed, WorkingsError
from workings.core.forms import add_service_error
from workings.funders import selectors, services
from workings.funders.forms import AppointForm, EndForm, NameFunderForm
from workings.funders.permissions import funder_policy, organisation_get_for
from workings.projects.permissions import project_policy
from workings.projects.views import ProjectMixin


class OrganisationListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "funders/organisation_list.html",
            {"organisations": selectors.organisation_list_for(user=request.user)},
        )


class OrganisationMixin(LoginRequiredMixin, View):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            self.organisation = organisation_get_for(request.user, kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def page(self, appoint_form: AppointForm | None = None) -> HttpResponse:
        org, user = self.organisation, self.request.user
        is_admin = funder_policy.is_admin(user, org) or funder_policy.is_site_admin(user)
        form = appoint_form or AppointForm()
        return render(
            self.request,
            "funders/organisation_detail.html",
            {
                "organisation": org,
                "appointments": selectors.appointment_list(organisation=org),
                "links": selectors.project_links(organisation=org),
                "is_admin": is_admin,
                "appoint_form": form,
                "end_form": EndForm(),
            },
            status=400 if form.errors else 200,
        )


class OrganisationDetailView(OrganisationMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self.page()


class AppointView(OrganisationMixin):
    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = AppointForm(request.POST)
        if not funder_policy.can_appoint(request.user, self.organisation, "reviewer"):
            raise NotAllowed(_("Only the organisation's admins can appoint its reviewers."))
        if form.is_valid():
            try:
                appointment = services.appointment_create(
                    actor=request.user, organisation=self.organisation, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s is now appointed: %(post)s.")
                    % {
                        "name": appointment.user.display_name,
                        "post": appointment.get_kind_display().lower(),
                    },
                )
                return redirect("funders:detail", slug=slug)
        return self.page(appoint_form=form)


class AppointmentEndView(OrganisationMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        form = EndForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        try:
            services.appointment_end(
                actor=request.user, organisation=self.organisation, appointment_id=pk, reason=reason
            )
        except NotAllowed:
            raise
        except WorkingsError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The appointment has ended. It stays in the list."))
        return redirect("funders:detail", slug=slug)


class AnswerView(OrganisationMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        if not funder_policy.is_admin(request.user, self.organisation):
            raise NotAllowed(_("Only the organisation's admins can answer for it."))
        link = selectors.project_links(organisation=self.organisation).filter(pk=pk).first()
        if link is None:
            return render(request, "404.html", status=404)
        confirm = request.POST.get("answer") == "confirm"
        try:
            services.project_funder_answer(actor=request.user, link_id=link.pk, confirm=confirm)
        except NotAllowed:
            raise
        except WorkingsError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("You confirmed that you fund this project.")
                if confirm
                else _("You declined: the project's record will say so."),
            )
        return redirect("funders:detail", slug=slug)


class ProjectFunderView(ProjectMixin, View):
    """The project's funder organisation: who it is, whether it has confirmed, who reviews
    for it now; and, for a lead, the form to name one."""

    action = "view_members"

    def _form(self, data: Any = None) -> NameFunderForm:
        choices = [(o.slug, o.name) for o in selectors.organisation_choices()]
        return NameFunderForm(data, choices=choices)

    def _page(self, form: NameFunderForm) -> HttpResponse:
        return render(
            self.request,
            "funders/project_funder.html",
            self.context(
                links=selectors.funder_links_of(project=self.project),
                reviewers=project_policy.reviewers(self.project),
                can_name=funder_policy.can_name_funder(self.request.user, self.project),
                my_organisations={
                    o.pk for o in selectors.organisation_list_for(user=self.request.user)
                },
                form=form,
            ),
            status=400 if form.errors else 200,
        )

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._page(self._form())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not funder_policy.can_name_funder(request.user, self.project):
            raise NotAllowed(_("Only a lead can name the project's funder."))
        form = self._form(request.POST)
        if form.is_valid():
            try:
                link = services.project_funder_name(
                    actor=request.user,
                    project=self.project,
                    organisation=form.cleaned_data["organisation"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("%s has been asked to confirm that it funds this project.")
                    % link.organisation.name,
                )
                return redirect("funders:project-funder", slug=slug)
        return self._page(form)
