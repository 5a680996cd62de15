"""The plan's pages. Thin: get through the policy, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.core import clock
from workings.core.exceptions import NotAllowed, WorkingsError
from workings.core.forms import add_service_error
from workings.events.fragments import KeptBodyMixin
from workings.plans import selectors, services
from workings.plans.forms import EvidenceForm, MilestoneForm, ProgressForm, TrainingForm
from workings.plans.models import Kind, Milestone
from workings.plans.permissions import milestone_get_for, plans_policy, require
from workings.plans.timeline import layout
from workings.projects.views import ProjectMixin


class PlansMixin(KeptBodyMixin, ProjectMixin, View):
    action = "view_members"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def page(self, template: str, status: int = 200, **extra: Any) -> HttpResponse:
        return render(self.request, f"plans/{template}", self.context(**extra), status=status)

    def research(self) -> list[Milestone]:
        return [
            m for m in selectors.milestone_list(project=self.project) if m.kind == Kind.RESEARCH
        ]


def plan_context(project: Any, user: Any) -> dict[str, Any]:
    today = clock.today()
    milestones = selectors.milestone_list(project=project)
    found = selectors.flags(milestones, today)
    names = selectors.labels(project)
    lanes = {"research": _("Research"), "involvement": _("Involvement")}
    if any(m.kind == Kind.ACTION for m in milestones):
        lanes["action"] = _("Audit actions")
    for m in milestones:
        m.owner_label = names.get(m.owner_id, "")  # type: ignore[attr-defined]
        m.slipped = m.pk in found.slipped  # type: ignore[attr-defined]
        m.tie_flag = m.pk in found.tied_ids  # type: ignore[attr-defined]
    by_id = {m.pk: m for m in milestones}
    for m in milestones:
        tied = by_id.get(m.tied_to_id) if m.tied_to_id else None
        m.tied_title = tied.title if tied else ""  # type: ignore[attr-defined]
    drawing: dict[str, Any] = {
        "start": project.start_date,
        "end": project.end_date,
        "today": today,
        "slipped": found.slipped,
        "tied": found.tied_ids,
        "lane_labels": lanes,
    }
    return {
        "milestones": milestones,
        "flags": found,
        "figures": selectors.planned_against_delivered(milestones, today),
        # The same picture twice: across a wide screen, down a phone's (CSS shows one).
        "picture": layout(milestones, **drawing),
        "picture_narrow": layout(milestones, narrow=True, **drawing),
        "training": [
            {"row": t, "person": names.get(t.person_id, "")}
            for t in selectors.training_list(project=project)[:100]
        ],
        "can_plan": plans_policy.can_plan(user, project),
        "can_log": plans_policy.can_log_training(user, project),
        "today": today,
    }


class PlansHomeView(PlansMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self.body_page(
            "plans/home.html",
            "plans/_home.html",
            lambda: self.context(**plan_context(self.project, request.user)),
        )


class MilestoneCreateView(PlansMixin):
    def form(self, data: Any = None) -> MilestoneForm:
        return MilestoneForm(data, project=self.project, research=self.research())

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        require(
            plans_policy.can_plan(request.user, self.project), _("Only the lead plans milestones.")
        )
        return self.page("milestone_form.html", form=self.form())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        require(
            plans_policy.can_plan(request.user, self.project), _("Only the lead plans milestones.")
        )
        form = self.form(request.POST)
        if form.is_valid():
            try:
                milestone = services.milestone_add(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The milestone is in the plan."))
                return redirect(milestone.get_absolute_url())
        return self.page("milestone_form.html", status=400, form=form)


class MilestoneEditView(PlansMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        milestone = milestone_get_for(request.user, self.project, pk)
        require(
            plans_policy.can_plan(request.user, self.project),
            _("Only the lead re-plans milestones."),
        )
        initial = {
            "kind": milestone.kind,
            "title": milestone.title,
            "description": milestone.description,
            "due_on": milestone.due_on.isoformat(),
            "owner": milestone.owner_id,
            "tied_to": milestone.tied_to_id or "",
        }
        form = MilestoneForm(initial=initial, project=self.project, research=self.research())
        del form.fields["kind"]
        return self.page("milestone_form.html", form=form, milestone=milestone)

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        milestone = milestone_get_for(request.user, self.project, pk)
        require(
            plans_policy.can_plan(request.user, self.project),
            _("Only the lead re-plans milestones."),
        )
        form = MilestoneForm(request.POST, project=self.project, research=self.research())
        del form.fields["kind"]
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.milestone_change(actor=request.user, milestone=milestone, **data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The milestone is re-planned."))
                return redirect(milestone.get_absolute_url())
        return self.page("milestone_form.html", status=400, form=form, milestone=milestone)


class MilestoneDetailView(PlansMixin):
    def get(
        self, request: HttpRequest, slug: str, pk: int, status: int = 200, **forms: Any
    ) -> HttpResponse:
        milestone = milestone_get_for(request.user, self.project, pk)
        user = request.user
        mine = services.my_membership(user, self.project)
        names = selectors.labels(self.project)
        today = clock.today()
        tied = list(milestone.tied.all())
        return self.page(
            "milestone.html",
            status=status,
            milestone=milestone,
            owner_label=names.get(milestone.owner_id, ""),
            slipped=milestone.slipped_on is not None or milestone.is_late(today),
            tied=tied,
            tie_broken=milestone.status == "done" and any(m.is_open() for m in tied),
            evidence=[
                {"row": e, "by": names.get(e.added_by_id, "")}
                for e in selectors.evidence_of(milestone)
            ],
            can_report=plans_policy.can_report(user, milestone, mine.pk if mine else None),
            can_plan=plans_policy.can_plan(user, self.project),
            can_add_evidence=plans_policy.can_add_evidence(user, self.project),
            progress_form=forms.get("progress_form")
            or ProgressForm(initial={"status": milestone.status, "progress": milestone.progress}),
            evidence_form=forms.get("evidence_form") or EvidenceForm(),
        )


class MilestoneProgressView(PlansMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        milestone = milestone_get_for(request.user, self.project, pk)
        form = ProgressForm(request.POST)
        if form.is_valid():
            try:
                services.milestone_progress(
                    actor=request.user, milestone=milestone, **form.cleaned_data
                )
            except WorkingsError as error:
                if isinstance(error, NotAllowed):
                    raise
                add_service_error(form, error)
            else:
                messages.success(request, _("The milestone's progress is recorded."))
                return redirect(milestone.get_absolute_url())
        return MilestoneDetailView.get(self, request, slug, pk, status=400, progress_form=form)  # type: ignore[arg-type]


class EvidenceAddView(PlansMixin):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        milestone = milestone_get_for(request.user, self.project, pk)
        require(
            plans_policy.can_add_evidence(request.user, self.project),
            _("Your role in this project does not allow adding evidence."),
        )
        form = EvidenceForm(request.POST)
        if form.is_valid():
            try:
                services.evidence_add(actor=request.user, milestone=milestone, **form.cleaned_data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The evidence is added."))
                return redirect(milestone.get_absolute_url())
        return MilestoneDetailView.get(self, request, slug, pk, status=400, evidence_form=form)  # type: ignore[arg-type]


class TrainingCreateView(PlansMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        require(
            plans_policy.can_log_training(request.user, self.project),
            _("Your role does not allow logging training."),
        )
        mine = services.my_membership(request.user, self.project)
        form = TrainingForm(project=self.project, initial={"person": mine.pk if mine else ""})
        return self.page("training_form.html", form=form)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        require(
            plans_policy.can_log_training(request.user, self.project),
            _("Your role does not allow logging training."),
        )
        form = TrainingForm(request.POST, project=self.project)
        if form.is_valid():
            try:
                services.training_log(actor=request.user, project=self.project, **form.cleaned_data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The training or support is in the log."))
                return redirect("plans:home", slug=slug)
        return self.page("training_form.html", status=400, form=form)
