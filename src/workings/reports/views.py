"""Reports pages: the index, the annex (HTML and downloads) and background files."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.core.exceptions import NotFound
from workings.projects.views import ProjectMixin
from workings.reports import annex, files, selectors
from workings.reports.models import AnnexFile
from workings.reports.permissions import report_policy


def checkpoint_param(request: HttpRequest) -> int | None:
    raw = request.GET.get("checkpoint", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise NotFound(_("The checkpoint must be a whole number (the size of the record)."))
    return int(raw)


class ReportsMixin(ProjectMixin):
    action = "view_record"

    def report_context(self, **extra: Any) -> dict[str, Any]:
        user = self.request.user
        return self.context(
            audiences=report_policy.audiences_for(user, self.project),
            can_register=report_policy.can_register(user, self.project),
            can_open_reply=report_policy.can_open_reply(user, self.project),
            can_reply=report_policy.can_reply(user, self.project),
            can_edit_narrative=report_policy.can_edit_narrative(user, self.project),
            **extra,
        )

    def problem(self, error: NotFound) -> HttpResponse:
        """A missing checkpoint (of a project the person may see) is explained, not hidden."""
        ctx = self.report_context(message=error.message)
        return render(self.request, "reports/problem.html", ctx, status=404)


class IndexView(ReportsMixin, View):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        ctx = self.report_context()
        ctx["registrations"] = selectors.registrations_for(
            project=self.project, audiences=ctx["audiences"]
        )
        ctx["round"] = selectors.latest_round(project=self.project)
        return render(request, "reports/index.html", ctx)


class AnnexView(ReportsMixin, View):
    def get(self, request: HttpRequest, slug: str, audience: str) -> HttpResponse:
        report_policy.check_audience(request.user, self.project, audience)
        try:
            doc = annex.build(
                project=self.project,
                audience=audience,
                checkpoint_size=checkpoint_param(request),
                proofs=False,
            )
        except NotFound as error:
            return self.problem(error)
        return render(request, "reports/annex.html", self.report_context(doc=doc))


class AnnexDownloadView(ReportsMixin, View):
    def get(self, request: HttpRequest, slug: str, audience: str, fmt: str) -> HttpResponse:
        if fmt not in files.CONTENT_TYPES:
            raise Http404("Choose pdf, json or md.")
        report_policy.check_audience(request.user, self.project, audience)
        try:
            row, new = files.file_for(
                project=self.project,
                audience=audience,
                checkpoint_size=checkpoint_param(request),
                fmt=fmt,
                actor=request.user,
            )
        except NotFound as error:
            return self.problem(error)
        if row.status != AnnexFile.Status.DONE:
            big = fmt == "pdf" and row.checkpoint_size > files.INLINE_PDF_MAX_ENTRIES
            if big or request.GET.get("background") == "1":
                if new:
                    from workings.reports.tasks import enqueue

                    enqueue(row)
                return redirect("reports:file", slug=self.project.slug, uuid=row.uuid)
            row = files.make(row)
        return _download(row, self.project)


def _download(row: AnnexFile, project: Any) -> HttpResponse:
    data = AnnexFile.objects.values_list("data", flat=True).get(pk=row.pk)
    response = HttpResponse(bytes(data), content_type=files.CONTENT_TYPES[row.fmt])
    name = f"{project.slug}-annex-{row.audience}-{row.checkpoint_size}.{row.fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class FileView(ReportsMixin, View):
    """Progress of an annex being made in the background; the download once ready."""

    def _row(self, uuid: Any) -> AnnexFile:
        row = selectors.annex_file(project=self.project, uuid=uuid)
        if row is None:
            raise NotFound(_("We could not find that annex file."))
        report_policy.check_audience(self.request.user, self.project, row.audience)
        return row

    def get(self, request: HttpRequest, slug: str, uuid: Any) -> HttpResponse:
        row = self._row(uuid)
        if request.GET.get("download") == "1" and row.status == AnnexFile.Status.DONE:
            return _download(row, self.project)
        return render(request, "reports/file.html", self.report_context(file=row))
