"""Moderation pages: what waits for a decision, the appeals, and (for a project's lead)
who moderates. Every decision goes through one service; nothing here deletes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, NotFound, WorkingsError
from workings.posts import selectors, services
from workings.posts.forms import HideForm, ModeratorForm
from workings.posts.models import Comment, Moderator
from workings.posts.permissions import posts_policy
from workings.posts.views import BlogMixin
from workings.projects.models import Membership


class ModerationView(BlogMixin):
    def check(self) -> None:
        if not posts_policy.can_moderate(self.request.user, self.project):
            raise NotAllowed(_("Only the moderators see comments waiting for a decision."))

    def get(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        self.check()
        return self.page()

    def page(self, errors: dict[int, Any] | None = None, status: int = 200) -> HttpResponse:
        return self.render(
            "posts/moderation.html",
            status=status,
            waiting=selectors.waiting(self.project)[: selectors.PAGE],
            appeals=selectors.appeals(self.project)[: selectors.PAGE],
            hide_form=HideForm(),
            errors=errors or {},
        )

    def post(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        self.check()
        try:
            comment_id = int(request.POST.get("comment", ""))
        except ValueError:
            raise NotFound(_("That comment does not exist.")) from None
        comment = Comment.objects.filter(post__project=self.project, pk=comment_id).first()
        if comment is None:
            raise NotFound(_("That comment does not exist."))
        action, user = request.POST.get("action"), request.user
        try:
            if action == "approve":
                services.comment_approve(actor=user, comment=comment)
                messages.success(request, _("The comment is published."))
            elif action == "hide":
                services.comment_hide(
                    actor=user,
                    comment=comment,
                    reason=request.POST.get("reason"),
                    note=request.POST.get("note", ""),
                )
                messages.success(
                    request, _("The comment is hidden; its reason shows in its place.")
                )
            elif action in ("uphold", "refuse"):
                services.appeal_decide(actor=user, comment=comment, uphold=action == "uphold")
                messages.success(request, _("The appeal is decided."))
            else:
                return self.page({comment.pk: _("Choose what to do.")}, status=400)
        except NotAllowed:
            raise
        except WorkingsError as error:
            return self.page({comment.pk: error.message}, status=400)
        return redirect(self.url("moderation"))


class ModeratorsView(BlogMixin):
    """The project's lead asks members to moderate (contributors can), or stops them."""

    def check(self) -> None:
        if self.project is None or not posts_policy.can_appoint(self.request.user, self.project):
            raise NotAllowed(_("Only the project's lead chooses the moderators."))

    def form(self, data: Any = None) -> ModeratorForm:
        form = ModeratorForm(data)
        members = Membership.objects.filter(project=self.project, left_at=None).select_related(
            "user"
        )
        form.fields["membership"].choices = [(m.pk, m.label) for m in members]
        return form

    def page(self, form: ModeratorForm, status: int = 200) -> HttpResponse:
        return self.render(
            "posts/moderators.html",
            status=status,
            form=form,
            moderators=selectors.moderators(self.project),
        )

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        self.check()
        return self.page(self.form())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        self.check()
        if "end" in request.POST:
            moderator = Moderator.objects.filter(
                project=self.project, pk=request.POST.get("end"), active=True
            ).first()
            if moderator is None:
                raise NotFound(_("That moderator does not exist."))
            services.moderator_end(actor=request.user, moderator=moderator)
            messages.success(request, _("They no longer moderate comments."))
            return redirect("posts:moderators", slug=self.project.slug)
        form = self.form(request.POST)
        if form.is_valid():
            try:
                services.moderator_appoint(
                    actor=request.user,
                    project=self.project,
                    membership=form.cleaned_data["membership"],
                )
            except WorkingsError as error:
                form.add_error("membership", error.message)
            else:
                messages.success(request, _("They can now moderate comments."))
                return redirect("posts:moderators", slug=self.project.slug)
        return self.page(form, status=400)
