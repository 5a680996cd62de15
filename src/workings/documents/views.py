"""Document pages. Thin: get through the policy, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, ValidationFailed, WorkingsError
from workings.core.forms import add_service_error
from workings.documents import export, selectors, services, suggestions
from workings.documents.diff import word_diff
from workings.documents.forms import (
    DissentForm,
    DocumentForm,
    ProposeForm,
    SubmitForm,
    SuggestForm,
)
from workings.documents.models import SUMMARY_STARTER, Document, Kind, Version
from workings.documents.pages import DocumentsMixin, readability_help
from workings.documents.permissions import document_policy


class DocumentListView(DocumentsMixin):
    def get(
        self, request: HttpRequest, slug: str, form: DocumentForm | None = None
    ) -> HttpResponse:
        docs = []
        for document in selectors.document_list(project=self.project):
            docs.append({"document": document, "approved": selectors.latest_approved(document)})
        return self.page(
            "list.html",
            status=400 if form is not None and form.errors else 200,
            documents=docs,
            form=form or DocumentForm(),
        )

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not document_policy.can_write(request.user, self.project):
            raise NotAllowed(_("Your role in this project does not allow starting a document."))
        form = DocumentForm(request.POST)
        if form.is_valid():
            try:
                document = services.document_create(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The document is started. Propose its first version."))
                return redirect("documents:propose", slug=slug, pk=document.pk)
        return self.get(request, slug, form=form)


class DocumentDetailView(DocumentsMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        document = self.document(pk)
        return self.body_page(
            "documents/detail.html",
            "documents/_detail.html",
            lambda: self.page_context(**self.detail(document)),
            document=document,
        )

    def detail(self, document: Document) -> dict[str, Any]:
        versions = selectors.versions_of(document)
        latest = versions[0] if versions else None
        names = selectors.labels(self.project)
        for v in versions:
            v.author_label = names.get(v.author_id, "")  # type: ignore[attr-defined]
        return dict(
            document=document,
            versions=versions,
            latest=latest,
            names=names,
            standing=selectors.standing(latest, names) if latest else None,
            approved=next((v for v in versions if v.approved), None),
            submission=selectors.latest_submission(document),
            suggestions=selectors.suggestions_of(document)[:50],
        )


class VersionDetailView(DocumentsMixin):
    def get(self, request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
        return self.show(pk, number)


class VersionProposeView(DocumentsMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        document = self.document(pk)
        if not document_policy.can_write(request.user, self.project):
            raise NotAllowed(_("Your role in this project does not allow proposing a version."))
        latest = document.versions.order_by("-number").first()
        text = latest.text if latest else (SUMMARY_STARTER if document.kind == Kind.SUMMARY else "")
        form = ProposeForm(initial={"base": latest.number if latest else None, "text": text})
        return self.page(
            "propose.html",
            document=document,
            form=form,
            latest=latest,
            **readability_help(text, True),
        )

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        document = self.document(pk)
        if not document_policy.can_write(request.user, self.project):
            raise NotAllowed(_("Your role in this project does not allow proposing a version."))
        form = ProposeForm(request.POST)
        theirs: Version | None = None
        if form.is_valid():
            d = form.cleaned_data
            try:
                version = services.version_propose(
                    actor=request.user,
                    document=document,
                    base=d["base"],
                    text=d["text"],
                    note=d["note"],
                )
            except services.StaleBase as conflict:
                theirs = conflict.latest
                # The next save is based on the latest version the person has now seen.
                form = ProposeForm({**request.POST.dict(), "base": theirs.number})
                form.is_valid()
                form.add_error(None, conflict.message)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Version %(n)s is proposed.") % {"n": version.number})
                return redirect(version)
        return self.page(
            "propose.html",
            status=409 if theirs else 400,
            document=document,
            form=form,
            theirs=theirs,
        )


def _act(request: HttpRequest, done: str, call: Any) -> str | None:
    try:
        call()
    except NotAllowed:
        raise
    except WorkingsError as error:
        messages.error(request, error.message)
        return error.message
    messages.success(request, done)
    return None


class VersionApproveView(DocumentsMixin):
    def post(self, request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
        document = self.document(pk)
        _act(
            request,
            _("Your approval is recorded."),
            lambda: services.version_approve(actor=request.user, document=document, number=number),
        )
        return redirect("documents:version", slug=slug, pk=pk, number=number)


class VersionDissentView(DocumentsMixin):
    def post(self, request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
        document = self.document(pk)
        if not document_policy.is_owner(request.user, self.project):
            raise NotAllowed(_("Only an owner of this document can add a dissent note."))
        form = DissentForm(request.POST)
        if not form.is_valid():
            return self.show(pk, number, status=400, dissent_form=form)
        try:
            services.dissent_add(
                actor=request.user,
                document=document,
                number=number,
                text=form.cleaned_data.get("text", ""),
            )
        except WorkingsError as error:
            add_service_error(form, error)
            return self.show(pk, number, status=400, dissent_form=form)
        messages.success(request, _("Your dissent note is recorded. It goes with every export."))
        return redirect("documents:version", slug=slug, pk=pk, number=number)


class VersionSubmitView(DocumentsMixin):
    def post(self, request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
        document = self.document(pk)
        if not document_policy.can_submit(request.user, self.project):
            raise NotAllowed(_("Only the project's lead can record a submission."))
        form = SubmitForm(request.POST)
        if not form.is_valid():
            return self.show(pk, number, status=400, submit_form=form)
        try:
            services.version_submit(
                actor=request.user,
                document=document,
                number=number,
                application=form.cleaned_data.get("application", ""),
                on=form.cleaned_data.get("on", ""),
            )
        except WorkingsError as error:
            add_service_error(form, error)
            return self.show(pk, number, status=400, submit_form=form)
        messages.success(request, _("The submission is recorded in the project's log."))
        return redirect("documents:version", slug=slug, pk=pk, number=number)


class SuggestionMakeView(DocumentsMixin):
    def post(self, request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
        document = self.document(pk)
        if not document_policy.can_write(request.user, self.project):
            raise NotAllowed(_("Your role in this project does not allow suggesting changes."))
        form = SuggestForm(request.POST)
        if not form.is_valid():
            return self.show(pk, number, status=400, suggest_form=form)
        try:
            suggestions.suggestion_make(
                actor=request.user,
                document=document,
                number=number,
                original=form.cleaned_data.get("original", ""),
                replacement=form.cleaned_data.get("replacement", ""),
            )
        except WorkingsError as error:
            add_service_error(form, error)
            return self.show(pk, number, status=400, suggest_form=form)
        messages.success(
            request, _("Your suggestion is recorded. An owner will accept or reject it.")
        )
        return redirect("documents:version", slug=slug, pk=pk, number=number)


class SuggestionDecideView(DocumentsMixin):
    def post(self, request: HttpRequest, slug: str, pk: int, sid: int) -> HttpResponse:
        document = self.document(pk)
        if not document_policy.can_decide_suggestion(request.user, self.project):
            raise NotAllowed(_("Only an owner of this document can accept or reject a suggestion."))
        accept = request.POST.get("decision") == "accept"
        _act(
            request,
            _("Suggestion accepted: a new version is made.")
            if accept
            else _("Suggestion rejected."),
            lambda: suggestions.suggestion_decide(
                actor=request.user, document=document, suggestion_id=sid, accept=accept
            ),
        )
        latest = document.versions.order_by("-number").first()
        if latest is None:
            return redirect(document)
        return redirect(latest)


class DocumentCompareView(DocumentsMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        document = self.document(pk)
        numbers = list(document.versions.order_by("number").values_list("number", flat=True))
        try:
            old_n = int(request.GET.get("from") or (numbers[-2] if len(numbers) > 1 else 0))
            new_n = int(request.GET.get("to") or (numbers[-1] if numbers else 0))
        except ValueError:
            old_n = new_n = 0
        old = selectors.version_get(document, old_n)
        new = selectors.version_get(document, new_n)
        parts = word_diff(old.text, new.text) if old and new else None
        return self.page(
            "compare.html", document=document, numbers=numbers, old=old, new=new, parts=parts
        )


class DocumentExportView(DocumentsMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        document = self.document(pk)
        try:
            text = export.export_markdown(document)
        except ValidationFailed as error:
            messages.error(request, error.message)
            return redirect(document)
        response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{document.kind}-{document.pk}.md"'
        return response
