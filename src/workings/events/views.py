from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from workings.events import keys, selectors, types
from workings.events.permissions import log_policy
from workings.projects.views import ProjectMixin


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
        page = selectors.entry_page(project=self.project, before=before, limit=50)
        rows = [
            {
                "entry": e,
                "summary": _summary(e.type),
                "content_visible": log_policy.can_view_content(request.user, self.project, e),
            }
            for e in page
        ]
        next_before = page[-1].seq if len(page) == 50 and page[-1].seq > 0 else None
        return render(
            request,
            "events/record.html",
            self.context(
                rows=rows,
                checkpoint=selectors.latest_checkpoint(project=self.project),
                log_key=keys.verifier_key(),
                next_before=next_before,
            ),
        )


def _summary(type_name: str) -> str:
    try:
        return types.get(type_name).summary
    except ValueError:
        return type_name
