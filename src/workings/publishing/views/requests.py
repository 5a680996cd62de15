"""Consent on request: the lead asks the author of one entry (the lead's page), and the
author answers yes or no (the author's page). A contributor who left still opens their
own pages here (permissions.consent_project_for), and nothing else."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.core.exceptions import WorkingsError
from workings.core.forms import add_service_error
from workings.core.project_views import project_context
from workings.publishing import selectors, services
from workings.publishing.forms import ConsentRequestForm
from workings.publishing.permissions import consent_project_for, publishing_policy


class ConsentProjectMixin(View):
    """The URL's project for the record's readers, and for former contributors (their own
    consent only: each view asks the publishing policy for what it shows)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.project = consent_project_for(request.user, kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def context(self, **extra: Any) -> dict[str, Any]:
        return project_context(self.request.user, self.project, **extra)


class RequestsView(ConsentProjectMixin):
    """The lead's page: entries waiting for their author's consent, and asking about one."""

    def _check(self) -> None:
        if not publishing_policy.can_request_consent(self.request.user, self.project):
            raise PermissionDenied(
                _("Only whoever chooses what the project publishes can ask for consent.")
            )

    def _page(self, form: ConsentRequestForm, status: int = 200) -> HttpResponse:
        try:
            before = int(self.request.GET["before"]) if "before" in self.request.GET else None
        except ValueError:
            before = None
        waiting = selectors.entries_to_ask_about(project=self.project, before=before)
        return render(
            self.request,
            "publishing/requests.html",
            self.context(
                form=form,
                waiting=waiting,
                next_before=waiting[-1]["seq"] if len(waiting) == selectors.REQUESTS_PAGE else None,
                sent=selectors.requests_sent(project=self.project),
            ),
            status=status,
        )

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        self._check()
        initial = {}
        if request.GET.get("seq", "").isdigit():
            initial["seq"] = int(request.GET["seq"])
        return self._page(ConsentRequestForm(initial=initial))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        self._check()
        form = ConsentRequestForm(request.POST)
        if form.is_valid():
            try:
                services.consent_request(
                    actor=request.user,
                    project=self.project,
                    seq=form.cleaned_data["seq"],
                    note=form.cleaned_data["note"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("Sent. Its author is asked on their home page, and answers yes or no."),
                )
                return redirect("publishing:requests", slug=self.project.slug)
        return self._page(form, status=400)


class RequestAnswerView(ConsentProjectMixin):
    """The author's page: what the team asks about one entry, and their yes or no."""

    def _request(self, pk: int) -> Any:
        found = selectors.request_get_for(project=self.project, pk=pk)
        if found is None or not publishing_policy.can_answer_request(self.request.user, found):
            raise Http404
        return found

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        asked = self._request(pk)
        entry = selectors.entry_of(project=self.project, seq=asked.seq)
        return render(
            request,
            "publishing/request_answer.html",
            self.context(
                asked=asked,
                entry=entry,
                summary=selectors.type_summary(entry.type) if entry else "",
            ),
        )

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        asked = self._request(pk)
        choice = request.POST.get("publish", "")
        if choice not in ("yes", "no"):
            messages.error(request, _("Choose yes or no."))
            return redirect("publishing:consent-request", slug=self.project.slug, pk=asked.pk)
        try:
            services.consent_request_answer(
                actor=request.user, request=asked, publish=choice == "yes"
            )
        except WorkingsError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Thank you. You agreed to publish entry %(seq)s.") % {"seq": asked.seq}
                if choice == "yes"
                else _("Thank you. Entry %(seq)s will not be published.") % {"seq": asked.seq},
            )
        return redirect("publishing:consent-request", slug=self.project.slug, pk=asked.pk)
