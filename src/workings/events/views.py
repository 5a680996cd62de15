"""The Record page, erasure, the funder's witness page and the public log key."""

from __future__ import annotations

import base64
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.core.exceptions import WorkingsError
from workings.core.forms import add_service_error
from workings.core.project_access import project_access
from workings.core.project_views import ProjectMixin
from workings.events import keys, selectors, services, types
from workings.events.forms import DataRequestForm, EraseForm, HideForm
from workings.events.models import Entry
from workings.events.permissions import active_hiding, log_policy, mark_public_withholding

PAGE = 50


class LogKeyView(View):
    """The verifier key for every project's log, for anyone who wants to check a record."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(keys.verifier_key() + "\n", content_type="text/plain; charset=utf-8")


class RecordView(ProjectMixin, View):
    action = "view_record"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        try:
            before = int(request.GET["before"]) if "before" in request.GET else None
        except ValueError:
            before = None
        page = selectors.entry_page(project=self.project, before=before, limit=PAGE)
        mark_public_withholding(self.project, page)
        subjects = selectors.subject_links(page)
        names = project_access().credited_names(self.project)
        rows = []
        for e in page:
            visible = log_policy.can_view_content(request.user, self.project, e)
            hiding = active_hiding(e)
            rows.append(
                {
                    "entry": e,
                    "hiding": hiding,
                    # Why the public does not read it (not chosen, no consent), or "".
                    "unpublished": e.public_withheld,  # type: ignore[attr-defined]
                    "can_hide": hiding is None
                    and log_policy.can_hide(request.user, self.project, e),
                    "can_show": hiding is not None
                    and log_policy.can_hide(request.user, self.project, e),
                    "summary": _summary(e.type),
                    "content_visible": visible,
                    # Named as the project names them (display name, pseudonym or
                    # anonymous), never by their account's own name.
                    "actor_name": names.get(e.actor_id, _("someone outside the project"))
                    if e.actor_id
                    else None,
                    "subject_url": subjects.get((e.subject_type, e.subject_id))
                    if visible
                    else None,
                    "can_erase": log_policy.can_erase(request.user, self.project, e)
                    and not _erased(e),
                    "can_erase_on_request": log_policy.can_erase_on_request(request.user, e)
                    and not _erased(e),
                }
            )
        next_before = page[-1].seq if len(page) == PAGE and page[-1].seq > 0 else None
        return render(
            request,
            "events/record.html",
            self.context(
                rows=rows,
                checkpoint=selectors.latest_checkpoint(project=self.project),
                log_key=keys.verifier_key(),
                next_before=next_before,
                api_base=f"/api/v1/projects/{self.project.slug}",
            ),
        )


class ConfirmEraseMixin:
    """The erase page and the data-protection-request page: the same steps (find the entry,
    confirm with a reason, erase through the service, say so); each view says who may, which
    form and service, and where to go next."""

    form_class: type[forms.Form]
    request: HttpRequest

    def _entry(self, seq: int) -> Entry:
        raise NotImplementedError

    def _page(self, entry: Entry, form: Any) -> HttpResponse:
        raise NotImplementedError

    def _erase(self, seq: int, reason: str) -> HttpResponse:
        """Erase through the service (raising WorkingsError on refusal) and answer."""
        raise NotImplementedError

    def get(self, request: HttpRequest, slug: str, seq: int) -> HttpResponse:
        return self._page(self._entry(seq), self.form_class())

    def post(self, request: HttpRequest, slug: str, seq: int) -> HttpResponse:
        entry = self._entry(seq)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                return self._erase(seq, form.cleaned_data["reason"])
            except WorkingsError as error:
                add_service_error(form, error)
        return self._page(entry, form)


class EntryEraseView(ConfirmEraseMixin, ProjectMixin, View):
    """Confirm, with a reason, then erase an entry's content (the leaf stays)."""

    action = "view_record"
    form_class = EraseForm

    def _entry(self, seq: int) -> Entry:
        entry = (
            Entry.objects.filter(log__project_id=self.project.pk, seq=seq)
            .select_related("body", "actor")
            .first()
        )
        if entry is None:
            raise Http404("There is no such entry in this project's record.")
        if not log_policy.can_erase(self.request.user, self.project, entry):
            raise PermissionDenied(
                _(
                    "Only the person who wrote an entry can erase it. To have someone else's words "
                    "erased, ask the site's administrators (a data-protection request)."
                )
            )
        return entry

    def _page(self, entry: Entry, form: EraseForm) -> HttpResponse:
        context = self.context(entry=entry, summary=_summary(entry.type), form=form)
        return render(
            request=self.request,
            template_name="events/erase.html",
            context=context,
            status=400 if form.errors else 200,
        )

    def _erase(self, seq: int, reason: str) -> HttpResponse:
        services.entry_erase(actor=self.request.user, project=self.project, seq=seq, reason=reason)
        messages.success(
            self.request,
            _(
                "The content of entry %(seq)s was erased. The record still shows that it "
                "existed, when, and why it was erased."
            )
            % {"seq": seq},
        )
        return redirect("events:record", slug=self.project.slug)


class DataRequestView(ConfirmEraseMixin, View):
    """A site administrator erases an entry's words on a data-protection request. Not a
    project page: no project role can reach it, the lead's included."""

    form_class = DataRequestForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not log_policy.handles_data_requests(request.user):
            raise Http404("There is no such page.")
        self.project = selectors.project_by_slug(kwargs["slug"])
        if self.project is None:
            raise Http404("There is no such project.")
        return super().dispatch(request, *args, **kwargs)

    def _entry(self, seq: int) -> Entry:
        entry = (
            Entry.objects.filter(log__project_id=self.project.pk, seq=seq)
            .select_related("body", "actor")
            .first()
        )
        if entry is None or not log_policy.can_erase_on_request(self.request.user, entry):
            raise Http404("There is no such entry, or it cannot be erased.")
        return entry

    def _page(self, entry: Entry, form: DataRequestForm) -> HttpResponse:
        return render(
            self.request,
            "events/data_request.html",
            {
                "project": self.project,
                "entry": entry,
                "summary": _summary(entry.type),
                "form": form,
            },
            status=400 if form.errors else 200,
        )

    def _erase(self, seq: int, reason: str) -> HttpResponse:
        services.entry_erase_on_request(
            actor=self.request.user, project=self.project, seq=seq, reason=reason
        )
        messages.success(
            self.request,
            _("Entry %(seq)s was erased. Its author has been told why.") % {"seq": seq},
        )
        return redirect("events:data-request-done")


class DataRequestDoneView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        if not log_policy.handles_data_requests(request.user):
            raise Http404("There is no such page.")
        return render(request, "events/data_request_done.html", {})


class EntryHideView(ProjectMixin, View):
    """The lead hides an entry from the public view, with a reason; or shows it again."""

    action = "view_record"

    def _entry(self, seq: int) -> Entry:
        entry = (
            Entry.objects.filter(log__project_id=self.project.pk, seq=seq)
            .prefetch_related("hidings")
            .first()
        )
        if entry is None:
            raise Http404("There is no such entry in this project's record.")
        if not log_policy.can_hide(self.request.user, self.project, entry):
            raise PermissionDenied(_("Only the project's lead can hide an entry from the public."))
        return entry

    def _page(self, entry: Entry, form: HideForm) -> HttpResponse:
        return render(
            self.request,
            "events/hide.html",
            self.context(
                entry=entry, summary=_summary(entry.type), form=form, hiding=active_hiding(entry)
            ),
            status=400 if form.errors else 200,
        )

    def get(self, request: HttpRequest, slug: str, seq: int) -> HttpResponse:
        return self._page(self._entry(seq), HideForm())

    def post(self, request: HttpRequest, slug: str, seq: int) -> HttpResponse:
        entry = self._entry(seq)
        form = HideForm(request.POST)
        show = "show" in request.POST
        if show or form.is_valid():
            try:
                if show:
                    services.entry_show(actor=request.user, project=self.project, seq=seq)
                else:
                    services.entry_hide(
                        actor=request.user,
                        project=self.project,
                        seq=seq,
                        category=form.cleaned_data["category"],
                        reason=form.cleaned_data["reason"],
                    )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                done = (
                    _("Entry %(seq)s is shown to the public again.")
                    if show
                    else _("Entry %(seq)s is hidden from the public. Members still see it.")
                )
                messages.success(request, done % {"seq": seq})
                return redirect("events:record", slug=self.project.slug)
        return self._page(entry, form)


class WitnessView(ProjectMixin, View):
    """A funder reviewer's own copy of every checkpoint they were shown, each checked against
    the one before (signature and consistency proof). A failure is a loud alarm."""

    action = "witness"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        latest = services.witness_visit(actor=request.user, project=self.project)
        kept = selectors.witnessed_for(project=self.project, witness=request.user, limit=PAGE)
        rows = [
            {
                "row": w,
                "root": base64.b64encode(bytes(w.root)).decode(),
                "proof": [h for h in w.proof.splitlines() if h],
            }
            for w in kept
        ]
        alarms = [w for w in kept if not w.consistent]
        return render(
            request,
            "events/witness.html",
            self.context(rows=rows, latest=latest, alarms=alarms, log_key=keys.verifier_key()),
        )


def _erased(entry: Entry) -> bool:
    body = getattr(entry, "body", None)
    return bool(body and body.is_erased)


def _summary(type_name: str) -> str:
    try:
        return types.get(type_name).summary
    except ValueError:
        return type_name
