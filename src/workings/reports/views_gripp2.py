"""GRIPP2 pages: the checklist filled from the record, the co-written narrative, exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View

from workings.core.exceptions import NotAllowed, WorkingsError
from workings.core.forms import add_service_error
from workings.projects.selectors import credited_names
from workings.reports import annex, gripp2, selectors, services
from workings.reports.forms import NarrativeForm
from workings.reports.permissions import report_policy
from workings.reports.views import ReportsMixin


class Gripp2Mixin(ReportsMixin):
    def filled(self, form: str) -> tuple[list[dict[str, Any]], Any, dict[str, Any]]:
        if form not in gripp2.FORMS:
            raise Http404("Choose the short or long form.")
        audience = report_policy.audiences_for(self.request.user, self.project)[-1]
        doc = annex.build(project=self.project, audience=audience, proofs=False)
        versions = selectors.narrative_versions(project=self.project, limit=1)
        latest = versions[0] if versions else None
        return gripp2.fill(form, doc, latest.text if latest else ""), latest, doc


class Gripp2View(Gripp2Mixin, View):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = request.GET.get("form", gripp2.SHORT)
        rows, latest, doc = self.filled(form)
        return render(
            request,
            "reports/gripp2.html",
            self.report_context(
                rows=rows,
                form_name=form,
                narrative=latest,
                doc=doc,
                flagged=sum(1 for r in rows if r["flag"]),
            ),
        )


class Gripp2ExportView(Gripp2Mixin, View):
    def get(self, request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
        form = request.GET.get("form", gripp2.SHORT)
        rows, _latest, doc = self.filled(form)
        name = f"{self.project.slug}-gripp2-{form}"
        if fmt == "csv":
            response = HttpResponse(gripp2.export_csv(rows), content_type="text/csv; charset=utf-8")
        elif fmt == "md":
            title = f"GRIPP2 {form} form: {self.project.title}"
            response = HttpResponse(
                gripp2.export_markdown(rows, title), content_type="text/markdown; charset=utf-8"
            )
        else:
            raise Http404("Choose csv or md.")
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        return response


class NarrativeView(ReportsMixin, View):
    def _check(self) -> None:
        if not report_policy.can_edit_narrative(self.request.user, self.project):
            raise NotAllowed(_("Only the team and contributors write the GRIPP2 narrative."))

    def _ctx(self) -> dict[str, Any]:
        versions = selectors.narrative_versions(project=self.project)
        # Authors are named as the project names them, never by their account's name.
        names = credited_names(project=self.project)
        for v in versions:
            v.author_label = names.get(v.author_id, _("someone outside the project"))  # type: ignore[attr-defined]
        return self.report_context(versions=versions)

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        self._check()
        ctx = self._ctx()
        latest = ctx["versions"][0] if ctx["versions"] else None
        form = NarrativeForm(
            initial={
                "text": latest.text if latest else "",
                "based_on": latest.number if latest else 0,
            }
        )
        return render(request, "reports/narrative.html", {**ctx, "form": form})

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        self._check()
        form = NarrativeForm(request.POST)
        if form.is_valid():
            try:
                based_on = form.cleaned_data["based_on"]
                services.narrative_save(
                    actor=request.user,
                    project=self.project,
                    text=form.cleaned_data["text"],
                    based_on=None if based_on is None else based_on,
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Saved as a new version."))
                return redirect("reports:gripp2", slug=self.project.slug)
        return render(request, "reports/narrative.html", {**self._ctx(), "form": form}, status=400)
