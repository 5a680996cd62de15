"""Thin views: parse input, get the object through the policy, call one service, render."""

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
from workings.core.project_views import ProjectMixin
from workings.projects import selectors, services
from workings.projects.forms import (
    AcceptForm,
    InvitationForm,
    LeaveForm,
    MembershipForm,
    ProjectForm,
    ProjectUpdateForm,
    RemoveForm,
    RoleForm,
)
from workings.projects.leaving import leaving_terms, left_project_links
from workings.projects.permissions import project_policy
from workings.projects.summary import public_summary


def _form_page(
    request: HttpRequest, template: str, context: dict[str, Any], form: Any
) -> HttpResponse:
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)


class ProjectListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        left = selectors.projects_left_by(user=request.user)
        for m in left:
            m.still_links = left_project_links(request.user, m.project)  # type: ignore[attr-defined]
        return render(
            request,
            "projects/project_list.html",
            {
                "projects": selectors.project_list_for(user=request.user).exclude(
                    pk__in=[m.project_id for m in left]
                ),
                "left": left,
                "invitations": selectors.pending_invitations_for(user=request.user),
                "can_create": project_policy.can_create(request.user),
            },
        )


class ProjectCreateView(LoginRequiredMixin, View):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and not project_policy.can_create(request.user):
            raise NotAllowed(_("You cannot start a project."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return _form_page(request, "projects/project_form.html", {"creating": True}, ProjectForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ProjectForm(request.POST)
        if form.is_valid():
            try:
                project = services.project_create(actor=request.user, **form.cleaned_data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your project has been created. You are its lead."))
                return redirect(project)
        return _form_page(request, "projects/project_form.html", {"creating": True}, form)


class ProjectDetailView(ProjectMixin, View):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return render(
            request,
            "projects/project_detail.html",
            self.context(
                membership=selectors.membership_of(user=request.user, project=self.project),
                public_summary=public_summary(self.project),
            ),
        )


class ProjectUpdateView(ProjectMixin, View):
    action = "update"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        p = self.project
        form = ProjectUpdateForm(initial={f: getattr(p, f) for f in ProjectUpdateForm.base_fields})
        return _form_page(request, "projects/project_form.html", self.context(), form)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = ProjectUpdateForm(request.POST)
        if form.is_valid():
            try:
                services.project_update(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The project's details have been saved."))
                return redirect(self.project)
        return _form_page(request, "projects/project_form.html", self.context(), form)


class MemberListView(ProjectMixin, View):
    action = "view_members"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        manage = project_policy.can(request.user, "manage_members", self.project)
        return render(
            request,
            "projects/member_list.html",
            self.context(
                members=selectors.member_list(project=self.project),
                invitations=selectors.invitation_list(project=self.project) if manage else None,
                role_form=RoleForm(),
            ),
        )


class MemberRoleView(ProjectMixin, View):
    action = "manage_members"

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        form = RoleForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose one of the listed roles."))
            return redirect("projects:members", slug=slug)
        try:
            membership = services.membership_change_role(
                actor=request.user, project=self.project, membership_id=pk, **form.cleaned_data
            )
        except WorkingsError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(label)s is now %(value)s.")
                % {"label": membership.label, "value": membership.get_role_display().lower()},
            )
        return redirect("projects:members", slug=slug)


class MemberRemoveView(ProjectMixin, View):
    action = "manage_members"

    def _page(self, request: HttpRequest, form: RemoveForm, pk: int) -> HttpResponse:
        member = (
            selectors.member_list(project=self.project, include_left=False).filter(pk=pk).first()
        )
        if member is None:
            return render(request, "404.html", status=404)
        return _form_page(request, "projects/member_remove.html", self.context(member=member), form)

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        return self._page(request, RemoveForm(), pk)

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        form = RemoveForm(request.POST)
        if form.is_valid():
            try:
                services.membership_remove(
                    actor=request.user,
                    project=self.project,
                    membership_id=pk,
                    reason=form.cleaned_data["reason"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("The person has been removed. The record keeps what they contributed."),
                )
                return redirect("projects:members", slug=slug)
        return self._page(request, form, pk)


class InvitationCreateView(ProjectMixin, View):
    action = "invite"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return _form_page(
            request, "projects/invitation_form.html", self.context(), InvitationForm()
        )

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation, _created = services.invitation_create(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
                )
                return redirect("projects:members", slug=slug)
        return _form_page(request, "projects/invitation_form.html", self.context(), form)


class InvitationWithdrawView(ProjectMixin, View):
    action = "invite"

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        try:
            services.invitation_withdraw(actor=request.user, project=self.project, invitation_id=pk)
        except WorkingsError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The invitation has been withdrawn."))
        return redirect("projects:members", slug=slug)


class InvitationAnswerView(LoginRequiredMixin, View):
    """Accept or decline, signed in with the address the invitation was sent to."""

    def _page(self, request: HttpRequest, invitation: Any, form: AcceptForm) -> HttpResponse:
        return render(
            request,
            "projects/invitation_answer.html",
            {"invitation": invitation, "form": form},
            status=400 if form.errors else 200,
        )

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        invitation = services.invitation_for_answer(actor=request.user, token=token)
        return self._page(
            request, invitation, AcceptForm(initial={"display_name": request.user.display_name})
        )

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        invitation = services.invitation_for_answer(actor=request.user, token=token)
        form = AcceptForm(request.POST)
        try:
            if request.POST.get("answer") == "decline":
                services.invitation_decline(actor=request.user, token=token)
                messages.success(request, _("You have declined the invitation."))
                return redirect("projects:list")
            if form.is_valid():
                membership = services.invitation_accept(
                    actor=request.user, token=token, **form.cleaned_data
                )
                messages.success(
                    request, _("Welcome to %(title)s.") % {"title": membership.project.title}
                )
                return redirect(membership.project)
        except WorkingsError as error:
            add_service_error(form, error)
        return self._page(request, invitation, form)


class MembershipUpdateView(ProjectMixin, View):
    action = "update_own_membership"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        membership = selectors.membership_of(user=request.user, project=self.project)
        assert membership is not None  # the policy only allows current members here
        form = MembershipForm(
            initial={"display_name": membership.display_name, "credit": membership.credit}
        )
        return _form_page(request, "projects/membership_form.html", self.context(), form)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = MembershipForm(request.POST)
        if form.is_valid():
            try:
                services.membership_update(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("Your name and credit choice for this project have been saved.")
                )
                return redirect(self.project)
        return _form_page(request, "projects/membership_form.html", self.context(), form)


class LeaveView(ProjectMixin, View):
    action = "leave"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return _form_page(request, "projects/leave.html", self._terms(), LeaveForm())

    def _terms(self) -> dict[str, Any]:
        return self.context(leaving_terms=leaving_terms(self.project))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = LeaveForm(request.POST)
        if form.is_valid():
            try:
                services.membership_leave(
                    actor=request.user,
                    project=self.project,
                    reason=form.cleaned_data["reason"],
                    reason_public=form.cleaned_data["reason_public"],
                    credit=form.cleaned_data["credit"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("You have left %(title)s. Thank you for everything you gave to it.")
                    % {"title": self.project.title},
                )
                return redirect("projects:list")
        return _form_page(request, "projects/leave.html", self._terms(), form)
