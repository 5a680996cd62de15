"""The team's side: choosing what is public and naming moderators (the lead), a
contributor's consent, and moderating comments."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.core.exceptions import WorkingsError
from workings.core.project_views import ProjectMixin
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.publishing import selectors, services
from workings.publishing.forms import HideForm
from workings.publishing.models import Comment
from workings.publishing.permissions import publishing_policy
from workings.publishing.views.requests import ConsentProjectMixin
from workings.publishing.withholding import withheld_types


def _done(request: HttpRequest, error: WorkingsError | None, ok: str) -> None:
    if error is None:
        messages.success(request, ok)
    else:
        messages.error(request, error.message)


class SettingsView(ProjectMixin, View):
    """What the project publishes (the lead chooses) and who moderates comments."""

    action = "view_record"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not publishing_policy.can_view_settings(request.user, self.project):
            raise PermissionDenied(
                _("Only the project's lead, contributors and moderators see this page.")
            )
        kept_off = withheld_types(self.project)
        moderators = selectors.moderator_ids(project=self.project)
        members = Membership.objects.filter(
            project=self.project, left_at__isnull=True
        ).select_related("user")
        return render(
            request,
            "publishing/settings.html",
            self.context(
                kinds=[
                    {"name": t.name, "summary": t.summary, "public": t.name not in kept_off}
                    for t in selectors.publishable_types()
                ],
                may_choose=publishing_policy.can_choose_types(request.user, self.project),
                may_consent=publishing_policy.can_consent(request.user, self.project),
                may_moderate=publishing_policy.can_moderate(request.user, self.project),
                may_request=publishing_policy.can_request_consent(request.user, self.project),
                members=[
                    {"member": m, "moderator": m.user_id in moderators}
                    for m in members
                    if m.role != "lead"
                ],
            ),
        )

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        naming = "moderator" in request.POST
        if naming and not publishing_policy.can_name_moderators(request.user, self.project):
            raise PermissionDenied(_("Only the project's lead names comment moderators."))
        if not naming and not publishing_policy.can_choose_types(request.user, self.project):
            raise PermissionDenied(_("Only the project's lead chooses what the project publishes."))
        error = None
        try:
            if naming:
                try:
                    user_id = int(request.POST["moderator"])
                except ValueError:
                    raise Http404 from None
                services.moderator_set(
                    actor=request.user,
                    project=self.project,
                    user_id=user_id,
                    active=request.POST.get("active") == "1",
                )
            else:
                public = set(request.POST.getlist("public"))
                services.publication_choose(
                    actor=request.user,
                    project=self.project,
                    withheld=[
                        t.name for t in selectors.publishable_types() if t.name not in public
                    ],
                )
        except WorkingsError as e:
            error = e
        _done(request, error, _("Saved. The public page follows your choice from now on."))
        return redirect("publishing:settings", slug=self.project.slug)


class ConsentView(ConsentProjectMixin):
    """A contributor's consent: a default for each kind of entry they wrote, and a choice
    for any one entry. A contributor who left keeps this page (and only this one)."""

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not publishing_policy.can_consent(request.user, self.project):
            raise PermissionDenied(_("Only contributors give consent, for their own entries."))
        overview = selectors.consent_overview(project=self.project, user=request.user)
        return render(
            request,
            "publishing/consent.html",
            self.context(
                requests=selectors.requests_to(project=self.project, user=request.user),
                former=project_policy.role_of(request.user, self.project) is None,
                **overview,
            ),
        )

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not publishing_policy.can_consent(request.user, self.project):
            raise PermissionDenied(_("Only contributors give consent, for their own entries."))
        publish = request.POST.get("publish") == "yes"
        error = None
        try:
            if "seq" in request.POST:
                try:
                    seq = int(request.POST["seq"])
                except ValueError:
                    raise Http404 from None
                services.entry_consent_set(
                    actor=request.user, project=self.project, seq=seq, publish=publish
                )
            else:
                services.consent_set(
                    actor=request.user,
                    project=self.project,
                    type_name=request.POST.get("type", ""),
                    publish=publish,
                )
        except WorkingsError as e:
            error = e
        ok = _("Saved: published.") if publish else _("Saved: not published.")
        _done(request, error, ok)
        return redirect("publishing:consent", slug=self.project.slug)


class ModerationView(ProjectMixin, View):
    """Comments waiting for a moderator, and open appeals."""

    action = "view_record"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not publishing_policy.can_moderate(request.user, self.project):
            raise PermissionDenied(_("Only the project's comment moderators see this page."))
        waiting = selectors.comments_to_moderate(project=self.project)
        return render(
            request,
            "publishing/moderation.html",
            self.context(
                rows=[
                    {
                        "comment": c,
                        "form": HideForm(prefix=f"c{c.pk}"),
                        "may_decide_appeal": publishing_policy.can_decide_appeal(request.user, c),
                    }
                    for c in waiting
                ],
                counts=selectors.comment_counts(project=self.project),
            ),
        )


class ModerateView(ProjectMixin, View):
    action = "view_record"

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        if not publishing_policy.can_moderate(request.user, self.project):
            raise PermissionDenied(_("Only the project's comment moderators decide on comments."))
        comment = Comment.objects.filter(project=self.project, pk=pk).first()
        if comment is None:
            raise Http404
        decision = request.POST.get("decision", "")
        error = None
        try:
            if decision == "publish":
                services.comment_publish(actor=request.user, comment=comment)
            elif decision == "hide":
                services.comment_hide(
                    actor=request.user,
                    comment=comment,
                    category=request.POST.get(f"c{pk}-category", ""),
                )
            elif decision in ("uphold", "refuse"):
                services.appeal_decide(
                    actor=request.user, comment=comment, publish=decision == "uphold"
                )
            else:
                error = WorkingsError(_("Choose what to do with the comment."))
        except WorkingsError as e:
            error = e
        _done(request, error, _("Done. The public page shows your decision."))
        return redirect("publishing:moderation", slug=self.project.slug)
