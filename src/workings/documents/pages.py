"""What every document page shares: the sign-in check, the policy's answers for the page's
actions, and the version page's body, kept while the project's log does not move."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from workings.core.exceptions import NotFound
from workings.documents import readability, selectors
from workings.documents.forms import (
    DissentForm,
    SubmitForm,
    SuggestForm,
)
from workings.documents.models import Document
from workings.documents.permissions import document_get_for, document_policy
from workings.events.fragments import KeptBodyMixin
from workings.projects.views import ProjectMixin

SUGGESTIONS_PAGE = 25


class DocumentsMixin(KeptBodyMixin, ProjectMixin, View):
    action = "view_members"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def document(self, pk: int) -> Document:
        return document_get_for(self.request.user, self.project, pk)

    def page(self, template: str, status: int = 200, **extra: Any) -> HttpResponse:
        return render(
            self.request, f"documents/{template}", self.page_context(**extra), status=status
        )

    def page_context(self, **extra: Any) -> dict[str, Any]:
        user, project = self.request.user, self.project
        return self.context(
            can_write=document_policy.can_write(user, project),
            is_owner=document_policy.is_owner(user, project),
            can_submit=document_policy.can_submit(user, project),
            can_cosign=document_policy.can_cosign(user, project),
            **extra,
        )

    def show(self, pk: int, number: int, status: int = 200, **forms: Any) -> HttpResponse:
        document = self.document(pk)
        return self.body_page(
            "documents/version.html",
            "documents/_version.html",
            lambda: self.page_context(**self.version_context(document, number, forms)),
            cache=not forms,
            status=status,
            document=document,
            number=number,
        )

    def version_context(
        self, document: Document, number: int, forms: dict[str, Any]
    ) -> dict[str, Any]:
        version = selectors.version_get(document, number)
        if version is None:
            raise NotFound(_("This document has no such version."))
        names = selectors.labels(self.project)
        latest = document.versions.order_by("-number").first()
        submission = selectors.latest_submission(document)
        me = self.request.user.pk
        approvals = list(version.approvals.all())
        # The oldest waiting suggestions first, a page at a time: owners answer them in turn.
        waiting = selectors.open_suggestions(version)
        open_suggestions = list(waiting[:SUGGESTIONS_PAGE])
        more_suggestions = max(0, waiting.count() - SUGGESTIONS_PAGE)
        for s in open_suggestions:
            s.author_label = names.get(s.author_id, "")  # type: ignore[attr-defined]
        dissents = [
            {"label": names.get(d.user_id, ""), "text": d.text} for d in version.dissents.all()
        ]
        return dict(
            document=document,
            version=version,
            is_latest=latest is not None and latest.number == version.number,
            latest=latest,
            names=names,
            standing=selectors.standing(version, names),
            open_suggestions=open_suggestions,
            more_suggestions=more_suggestions,
            dissents=dissents,
            author_label=names.get(version.author_id, ""),
            my_approval=any(a.user_id == me and a.kind == "owner" for a in approvals),
            my_cosign=any(a.user_id == me and a.kind == "cosign" for a in approvals),
            my_dissent=any(d.user_id == me for d in version.dissents.all()),
            submission=submission,
            suggest_form=forms.get("suggest_form") or SuggestForm(),
            **readability_help(
                version.text, document_policy.can_write(self.request.user, self.project)
            ),
            dissent_form=forms.get("dissent_form") or DissentForm(),
            submit_form=forms.get("submit_form") or SubmitForm(),
        )


def readability_help(text: str, writer: bool) -> dict[str, Any]:
    """Readability help, for the people who write the document only (never its readers)."""
    if not writer:
        return {}
    return {
        "paragraphs": readability.paragraphs(text),
        "overall": readability.whole(text),
        "target": readability.TARGET_READING_AGE,
    }
