"""The public face of a project: its public page (published record, annex, checkpoint,
comments), the comment form, the commenter's private page, and the Atom feed."""

from __future__ import annotations

import secrets
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View

from workings.core.exceptions import NotFound, WorkingsError
from workings.core.forms import add_service_error
from workings.core.project_views import ProjectMixin
from workings.events import selectors as log_selectors
from workings.events.fragments import kept, log_version
from workings.publishing import feeds, selectors, services, spam
from workings.publishing.forms import AppealForm, CommentForm
from workings.publishing.permissions import publishing_policy
from workings.publishing.services.comments import comment_by_token

# Stand-ins for what differs between the public's visits, random per process so that no
# one can write them into a comment and have them filled in.
_TOKEN_SLOT = f"slot-{secrets.token_hex(16)}"
_PUZZLE_SLOT = f"slot-{secrets.token_hex(16)}"


def published_record_html(
    request: HttpRequest, project: Any, before: int | None, version: str
) -> str:
    """The page's list of entries (the costly part: a page of the record, each entry's
    withholding asked once), kept per process while the project's log does not move: every
    change to what the public reads (consent, the team's choice, a hidden comment or entry,
    an erasure, a membership) is a ledger event (docs/decisions/public-page-speed.md)."""

    def make() -> str:
        entries = selectors.public_entries(project=project, before=before)
        next_before = (
            entries[-1].seq
            if len(entries) == selectors.PUBLIC_PAGE and entries[-1].seq > 0
            else None
        )
        return render_to_string(
            "publishing/_public_record.html",
            {"rows": selectors.public_rows(entries), "next_before": next_before},
            request,
        )

    language = getattr(request, "LANGUAGE_CODE", "")
    key = f"public-record:{project.pk}:{version}:{language}:{before}"
    return mark_safe(kept(key, make))  # noqa: S308 - our own template's output


class PublicPageView(ProjectMixin, View):
    action = "view"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not publishing_policy.can_view_public_page(request.user, self.project):
            raise Http404
        return self.page(request, CommentForm())

    def page(self, request: HttpRequest, form: CommentForm, status: int = 200) -> HttpResponse:
        try:
            before = int(request.GET["before"]) if "before" in request.GET else None
        except ValueError:
            before = None
        version = log_version(self.project)

        def body_context(csrf_token: str, puzzle: str) -> dict[str, Any]:
            return self.context(
                record_html=published_record_html(request, self.project, before, version),
                checkpoint=log_selectors.latest_checkpoint(project=self.project),
                comments=selectors.comments_shown(project=self.project),
                form=form,
                puzzle=puzzle,
                pow_bits=spam.POW_BITS,
                can_comment=publishing_policy.can_comment(self.project),
                record_url=reverse("events:record", args=[self.project.slug]),
                may_settings=publishing_policy.can_view_settings(request.user, self.project),
                may_consent=publishing_policy.can_consent(request.user, self.project),
                csrf_token=csrf_token,
            )

        template = "publishing/_public_body.html"
        if request.user.is_authenticated or form.is_bound:
            body = render_to_string(
                template, body_context(get_token(request), spam.challenge()), request
            )
        else:
            # The public's page is the same for every visitor but for the form's CSRF token
            # and puzzle: kept with placeholders, filled in for each request.
            language = getattr(request, "LANGUAGE_CODE", "")
            key = f"public-body:{self.project.pk}:{version}:{language}:{before}"
            kept_body = kept(
                key,
                lambda: render_to_string(
                    template, body_context(_TOKEN_SLOT, _PUZZLE_SLOT), request
                ),
            )
            body = kept_body.replace(_TOKEN_SLOT, get_token(request)).replace(
                _PUZZLE_SLOT, spam.challenge()
            )
        return render(
            request,
            "publishing/public.html",
            self.context(
                body=mark_safe(body), can_comment=publishing_policy.can_comment(self.project)
            ),  # noqa: S308 - our own template's output
            status=status,
        )


class CommentCreateView(PublicPageView):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        raise Http404

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not publishing_policy.can_comment(self.project):
            raise Http404
        form = CommentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            proven = spam.solved(data["pow_puzzle"], data["pow_answer"])
            if spam.over_limit(
                address=spam.client_address(request),
                target=f"project:{self.project.pk}",
                proven=proven,
            ):
                form.add_error(
                    None,
                    _(
                        "Many comments have arrived in the last few minutes, so we cannot "
                        "take this one just now. Please keep your words and try again in "
                        "ten minutes."
                    ),
                )
                return self.page(request, form, status=429)
            try:
                comment, secret = services.comment_submit(
                    project=self.project,
                    name=data["name"],
                    body=data["body"],
                    honeypot=data["website"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                link = request.build_absolute_uri(reverse("publishing:my-comment", args=[secret]))
                return render(
                    request,
                    "publishing/comment_thanks.html",
                    self.context(comment=comment, link=link),
                )
        return self.page(request, form, status=400)


class MyCommentView(View):
    """The commenter's private page: their comment, what became of it, and an appeal."""

    def _comment(self, token: str) -> Any:
        try:
            return comment_by_token(token)
        except NotFound:
            raise Http404 from None

    def _page(self, request: HttpRequest, comment: Any, form: AppealForm) -> HttpResponse:
        return render(
            request,
            "publishing/my_comment.html",
            {"comment": comment, "form": form, "project": comment.project},
            status=400 if form.errors else 200,
        )

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return self._page(request, self._comment(token), AppealForm())

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        comment = self._comment(token)
        form = AppealForm(request.POST)
        if form.is_valid():
            try:
                comment = services.comment_appeal(token=token, text=form.cleaned_data["text"])
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return self._page(request, comment, AppealForm())
        return self._page(request, comment, form)


class FeedView(ProjectMixin, View):
    """An Atom feed of what the public reads of the record (members read the same feed)."""

    action = "view"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not publishing_policy.can_view_public_page(request.user, self.project):
            raise Http404
        page = request.build_absolute_uri("/")
        language = getattr(request, "LANGUAGE_CODE", "")
        key = f"public-feed:{self.project.pk}:{log_version(self.project)}:{language}:{page}"
        body = kept(key, lambda: feeds.record_feed(request, self.project))
        return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")
