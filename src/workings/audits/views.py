"""Audit pages. Thin: get through the policy, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.audits import selectors, services
from workings.audits.figures import describe
from workings.audits.forms import AssessmentForm, FindingForm, SignForm
from workings.audits.gap import gap_picture
from workings.audits.models import Audit, Side
from workings.audits.permissions import audit_get_for, audit_policy, require
from workings.core.exceptions import NotAllowed, WorkingsError
from workings.core.forms import add_service_error
from workings.plans.selectors import labels
from workings.plans.services import my_membership
from workings.projects.views import ProjectMixin


class AuditsMixin(ProjectMixin, View):
    action = "view_members"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def page(self, template: str, status: int = 200, **extra: Any) -> HttpResponse:
        return render(self.request, f"audits/{template}", self.context(**extra), status=status)


class AuditListView(AuditsMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self.page(
            "list.html",
            audits=list(selectors.audit_list(project=self.project)),
            open_audit=selectors.open_audit(self.project),
            next_due=selectors.next_scheduled(self.project),
            can_ask=audit_policy.can_ask(request.user, self.project),
        )

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        require(
            audit_policy.can_ask(request.user, self.project),
            _("Only the funder's reviewers or a public contributor can ask for an audit."),
        )
        try:
            audit = services.audit_open(actor=request.user, project=self.project)
        except NotAllowed:
            raise
        except WorkingsError as error:
            messages.error(request, error.message)
            return redirect("audits:list", slug=slug)
        messages.success(
            request, _("The audit is open. Its figures come from the record as it stands today.")
        )
        return redirect(audit.get_absolute_url())


class AuditDetailView(AuditsMixin):
    def get(
        self, request: HttpRequest, slug: str, pk: int, status: int = 200, **forms: Any
    ) -> HttpResponse:
        audit = audit_get_for(request.user, self.project, pk)
        return self.page("detail.html", status=status, **self.detail(audit, forms))

    def detail(self, audit: Audit, forms: dict[str, Any]) -> dict[str, Any]:
        user = self.request.user
        mine = my_membership(user, self.project)
        totals = selectors.side_totals(audit)
        names = labels(self.project)
        findings = [
            {"row": f, "owner": names.get(f.action.owner_id, "")}
            for f in selectors.findings_of(audit)
        ]
        return dict(
            audit=audit,
            figures=[describe(f) for f in audit.figures],
            totals=totals,
            contributors_shown=totals.shown(Side.CONTRIBUTORS),
            researchers_shown=totals.shown(Side.RESEARCHERS),
            picture=gap_picture(totals),
            picture_narrow=gap_picture(totals, narrow=True),  # CSS shows one of the two
            findings=findings,
            answered=selectors.has_answered(audit, mine.pk if mine else None),
            can_assess=audit_policy.can_assess(user, audit),
            can_find=audit_policy.can_find(user, audit),
            can_sign=audit_policy.can_sign(user, audit),
            finding_form=forms.get("finding_form") or FindingForm(project=self.project),
            sign_form=forms.get("sign_form") or SignForm(),
        )


class AssessmentView(AuditsMixin):
    def form(self, data: Any = None) -> AssessmentForm:
        side = audit_policy.side_of(self.request.user, self.project)
        return AssessmentForm(data, contributor=side == Side.CONTRIBUTORS)

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        audit = audit_get_for(request.user, self.project, pk)
        require(
            audit_policy.can_assess(request.user, audit),
            _("Your role does not give a self-assessment."),
        )
        mine = my_membership(request.user, self.project)
        return self.page(
            "assess.html",
            audit=audit,
            form=self.form(),
            answered=selectors.has_answered(audit, mine.pk if mine else None),
        )

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        audit = audit_get_for(request.user, self.project, pk)
        require(
            audit_policy.can_assess(request.user, audit),
            _("Your role does not give a self-assessment."),
        )
        form = self.form(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            anonymous = bool(data.pop("anonymous", False))
            try:
                services.assessment_give(
                    actor=request.user, audit=audit, ratings=data, anonymous=anonymous
                )
            except NotAllowed:
                raise
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. Your answers are kept private; only each side's totals are "
                        "shown."
                    ),
                )
                return redirect(audit.get_absolute_url())
        return self.page("assess.html", status=400, audit=audit, form=form, answered=False)


class FindingAddView(AuditsMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        audit = audit_get_for(request.user, self.project, pk)
        require(
            audit_policy.can_find(request.user, audit), _("You cannot add findings to this audit.")
        )
        form = FindingForm(request.POST, project=self.project)
        if form.is_valid():
            try:
                services.finding_add(actor=request.user, audit=audit, **form.cleaned_data)
            except NotAllowed:
                raise
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("The finding and its action are recorded; the action is in the plan."),
                )
                return redirect(audit.get_absolute_url())
        return AuditDetailView.get(self, request, slug, pk, status=400, finding_form=form)  # type: ignore[arg-type]


class AuditSignView(AuditsMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        audit = audit_get_for(request.user, self.project, pk)
        require(
            audit_policy.can_sign(request.user, audit),
            _("Only the funder's reviewers sign an audit."),
        )
        form = SignForm(request.POST)
        if form.is_valid():
            try:
                services.audit_sign(actor=request.user, audit=audit, **form.cleaned_data)
            except NotAllowed:
                raise
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("The audit is signed and recorded in the project's log.")
                )
                return redirect(audit.get_absolute_url())
        return AuditDetailView.get(self, request, slug, pk, status=400, sign_form=form)  # type: ignore[arg-type]
