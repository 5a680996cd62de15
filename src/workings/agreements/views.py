"""Agreement pages. Thin: fetch through the policy, call one service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.agreements import selectors, services
from workings.agreements.diff import section_text, version_diff
from workings.agreements.forms import CommentForm, DiffForm, DraftForm, SignForm, StartForm
from workings.agreements.models import AgreementVersion, VersionStatus
from workings.agreements.permissions import agreement_policy
from workings.agreements.presenters import version_view
from workings.agreements.sections import SECTIONS
from workings.core.exceptions import NotAllowed, NotFound, WorkingsError
from workings.core.forms import add_service_error
from workings.projects.models import Membership
from workings.projects.roles import Role
from workings.projects.views import ProjectMixin

HISTORY_PAGE = 20


class AgreementMixin(ProjectMixin):
    """`need`: read (anyone who may read the record), comment (members), draft (leads and
    contributors). The version in the URL, if any, is loaded as self.version."""

    action = "view_record"
    need = "read"

    def setup_agreement(self, number: int | None) -> None:
        user = self.request.user
        if self.need == "draft" and not agreement_policy.can_draft(user, self.project):
            raise NotAllowed(_("Only a lead or a public contributor can do that."))
        if self.need == "comment" and not agreement_policy.can_comment(user, self.project):
            raise NotAllowed(_("Only members of this project can comment on its agreement."))
        self.version: AgreementVersion | None = None
        if number is not None:
            self.version = selectors.version_get(self.project, number)
            if self.version is None:
                raise NotFound(_("There is no such version of this agreement."))
        if self.need == "sign" and not agreement_policy.is_party(user, self.version):
            raise NotAllowed(
                _("You are not a party to this agreement, so you are not asked to sign.")
            )

    def get(self, request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
        self.setup_agreement(number)
        return self.show(request)

    def post(self, request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
        self.setup_agreement(number)
        return self.act(request)

    def show(self, request: HttpRequest) -> HttpResponse:
        raise NotImplementedError

    def act(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(status=405)

    def page(self, template: str, status: int = 200, **extra: Any) -> HttpResponse:
        can = {
            "draft": agreement_policy.can_draft(self.request.user, self.project),
            "comment": agreement_policy.can_comment(self.request.user, self.project),
        }
        extra.setdefault("version", getattr(self, "version", None))
        return render(
            self.request,
            f"agreements/{template}",
            self.context(agreement_can=can, **extra),
            status=status,
        )


class AgreementHomeView(AgreementMixin, View):
    def show(self, request: HttpRequest) -> HttpResponse:
        history = Paginator(selectors.amendment_history(self.project), HISTORY_PAGE)
        in_force = selectors.version_in_force(self.project)  # shown first, in full
        shown = version_view(in_force, with_comments=False) if in_force else {}
        return self.page(
            "home.html",
            **shown,
            reading=True,
            in_force=in_force,
            current=selectors.current_version(self.project),
            procedure=selectors.procedure_for(self.project),
            to_sign=selectors.pending_signature_for(request.user, self.project),
            history=history.get_page(request.GET.get("page")),
        )


class AgreementStartView(AgreementMixin, View):
    need = "draft"

    def show(self, request: HttpRequest, form: StartForm | None = None) -> HttpResponse:
        form = form or StartForm()
        return self.page("start.html", status=400 if form.errors else 200, form=form)

    def act(self, request: HttpRequest) -> HttpResponse:
        form = StartForm(request.POST)
        if form.is_valid():
            try:
                version = services.draft_start(
                    actor=request.user, project=self.project, source=form.cleaned_data["source"]
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("Your draft has been started. Everyone can now edit it.")
                )
                return redirect("agreements:edit", self.project.slug, version.number)
        return self.show(request, form)


class VersionDetailView(AgreementMixin, View):
    def show(self, request: HttpRequest) -> HttpResponse:
        assert self.version is not None
        view = version_view(self.version)
        return self.page(
            "version.html",
            **view,
            in_force=selectors.version_in_force(self.project),
            can_sign=agreement_policy.can_sign(request.user, self.version),
            comment_form=CommentForm(),
        )


def _named_choices(project: Any) -> list[Membership]:
    return list(
        Membership.objects.filter(project=project, left_at__isnull=True)
        .exclude(role__in=[Role.LEAD, Role.CONTRIBUTOR])
        .select_related("user")
    )


class VersionEditView(AgreementMixin, View):
    need = "draft"

    def _page(self, form: DraftForm, theirs: dict[str, str] | None = None, by: str = ""):
        assert self.version is not None
        groups = []
        for s in SECTIONS:
            names = [n for n in form.fields if _belongs(n, s.key)]
            groups.append(
                {
                    "section": s,
                    "fields": [form[n] for n in names],
                    "theirs": (theirs or {}).get(s.key),
                }
            )
        return self.page(
            "edit.html",
            status=409 if theirs else (400 if form.errors else 200),
            form=form,
            groups=groups,
            conflict_by=by,
        )

    def show(self, request: HttpRequest) -> HttpResponse:
        assert self.version is not None
        if self.version.status != VersionStatus.DRAFT:
            messages.info(
                request,
                _(
                    "Version %(number)s is %(value)s, so no one can edit it. Changes mean a "
                    "new version."
                )
                % {
                    "number": self.version.number,
                    "value": self.version.get_status_display().lower(),
                },
            )
            return redirect(self.version)
        form = DraftForm(
            initial=DraftForm.initial_for(self.version.content, self.version.revision),
            members=_named_choices(self.project),
        )
        return self._page(form)

    def act(self, request: HttpRequest) -> HttpResponse:
        assert self.version is not None
        form = DraftForm(request.POST, members=_named_choices(self.project))
        if not form.is_valid():
            return self._page(form)
        try:
            services.draft_save(
                actor=request.user,
                version=self.version,
                revision=form.cleaned_data["revision"],
                content=form.to_content(),
            )
        except services.DraftConflict as conflict:
            # Keep every word they typed; carry the newer revision so the next save, once
            # they have combined the two, goes through.
            data = request.POST.copy()
            data["revision"] = str(conflict.revision)
            form = DraftForm(data, members=_named_choices(self.project))
            form.is_valid()
            form.add_error(None, conflict.message)
            labels = selectors.membership_labels(self.project)
            theirs = {s.key: section_text(s.key, conflict.theirs, labels) for s in SECTIONS}
            return self._page(form, theirs=theirs, by=conflict.by)
        except WorkingsError as error:
            add_service_error(form, error)
            return self._page(form)
        messages.success(request, _("The draft has been saved."))
        return redirect(self.version)


def _belongs(name: str, key: str) -> bool:
    if name == f"section_{key}":
        return True
    extra = {
        "decisions": ("right_",),
        "disagreements": ("stage_", "independent_person", "funder_stage"),
        "payment": ("rate", "currency", "expenses_policy", "payment_days"),
        "communication": ("feedback_response_days",),
        "leaving": ("leaving_",),
        "people": ("named_parties",),
        "documents": ("final_say", "document_owners"),
    }.get(key, ())
    return name.startswith(extra) if extra else False


class VersionNewDraftView(AgreementMixin, View):
    """Amend (from the version in force) or revise (from the version proposed)."""

    need = "draft"

    def show(self, request: HttpRequest) -> HttpResponse:
        return self.page("new_draft.html", version=self.version)

    def act(self, request: HttpRequest) -> HttpResponse:
        assert self.version is not None
        try:
            draft = services.draft_start(
                actor=request.user,
                project=self.project,
                source="version",
                from_number=self.version.number,
            )
        except WorkingsError as error:
            messages.error(request, error.message)
            return redirect("agreements:home", self.project.slug)
        messages.success(
            request, _("Version %(number)s has been started as a draft.") % {"number": draft.number}
        )
        return redirect("agreements:edit", self.project.slug, draft.number)


class VersionProposeView(AgreementMixin, View):
    need = "draft"

    def show(self, request: HttpRequest, errors: tuple[str, ...] | list[str] = ()) -> HttpResponse:
        assert self.version is not None
        parties = selectors.parties_for(self.version)
        return self.page(
            "propose.html",
            status=400 if errors else 200,
            version=self.version,
            parties=parties,
            errors=errors,
        )

    def act(self, request: HttpRequest) -> HttpResponse:
        assert self.version is not None
        try:
            services.version_propose(actor=request.user, version=self.version)
        except WorkingsError as error:
            return self.show(request, [problem.message for problem in error.problems])
        messages.success(request, _("The version has been proposed. Every party is asked to sign."))
        return redirect(self.version)


class VersionSignView(AgreementMixin, View):
    need = "sign"

    def show(self, request: HttpRequest, form: SignForm | None = None) -> HttpResponse:
        assert self.version is not None
        form = form or SignForm()
        earlier = self.version.signatures.filter(party=request.user).first()
        return self.page(
            "sign.html",
            status=400 if form.errors else 200,
            form=form,
            version=self.version,
            earlier=earlier,
            signable=agreement_policy.can_sign(request.user, self.version),
        )

    def act(self, request: HttpRequest) -> HttpResponse:
        assert self.version is not None
        form = SignForm(request.POST)
        if form.is_valid():
            try:
                services.signature_create(
                    actor=request.user, version=self.version, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                self.version.refresh_from_db()
                if self.version.status == VersionStatus.IN_FORCE:
                    messages.success(
                        request,
                        _("Thank you. Every party has now agreed: this version is in force."),
                    )
                else:
                    messages.success(request, _("Thank you. Your answer has been recorded."))
                return redirect(self.version)
        return self.show(request, form)


class CommentCreateView(AgreementMixin, View):
    need = "comment"

    def show(self, request: HttpRequest, form: CommentForm | None = None) -> HttpResponse:
        assert self.version is not None
        form = form or CommentForm(
            initial={"section": request.GET.get("section"), "parent": request.GET.get("parent")}
        )
        key = form["section"].value()
        title = dict((s.key, s.title) for s in SECTIONS).get(key or "", "")
        return self.page(
            "comment.html",
            status=400 if form.errors else 200,
            form=form,
            version=self.version,
            section_title=title,
        )

    def act(self, request: HttpRequest) -> HttpResponse:
        assert self.version is not None
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                comment = services.comment_create(
                    actor=request.user,
                    version=self.version,
                    section=form.cleaned_data["section"],
                    body=form.cleaned_data["body"],
                    parent_id=form.cleaned_data["parent"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your comment has been added."))
                return redirect(f"{self.version.get_absolute_url()}#comment-{comment.pk}")
        return self.show(request, form)


class VersionDiffView(AgreementMixin, View):
    def show(self, request: HttpRequest) -> HttpResponse:
        versions = {v.number: v for v in selectors.amendment_history(self.project)}
        numbers = sorted(versions)
        form = DiffForm(request.GET or None, numbers=numbers)
        sections = None
        old = new = None
        if form.is_bound and form.is_valid():
            old, new = versions[form.cleaned_data["old"]], versions[form.cleaned_data["new"]]
            labels = selectors.membership_labels(self.project)
            sections = version_diff(old.content, new.content, labels)
        return self.page(
            "diff.html",
            status=400 if form.errors else 200,
            form=form,
            sections=sections,
            old=old,
            new=new,
            numbers=numbers,
        )


class VersionPrintView(AgreementMixin, View):
    def show(self, request: HttpRequest) -> HttpResponse:
        assert self.version is not None
        return render(
            request,
            "agreements/print.html",
            {"project": self.project, **version_view(self.version, with_comments=False)},
        )


class VersionPdfView(AgreementMixin, View):
    def show(self, request: HttpRequest) -> HttpResponse:
        from workings.agreements.pdf import version_pdf

        assert self.version is not None
        data = version_pdf(self.version, base_url=request.build_absolute_uri("/"))
        response = HttpResponse(data, content_type="application/pdf")
        name = f"{self.project.slug}-agreement-v{self.version.number}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response
