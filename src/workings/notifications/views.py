from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.core.exceptions import NotFound, ValidationFailed
from workings.notifications import selectors, services
from workings.notifications.models import Mode
from workings.projects.models import Project


class NotificationListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        page = Paginator(selectors.notifications_for(user=request.user), 30).get_page(
            request.GET.get("page")
        )
        return render(request, "notifications/list.html", {"page": page})


class NotificationReadView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest) -> HttpResponse:
        raw = request.POST.get("id", "")
        services.notification_mark_read(
            actor=request.user, notification_id=int(raw) if raw.isdigit() else None
        )
        return redirect("notifications:list")


class PreferenceView(LoginRequiredMixin, View):
    def _page(self, request: HttpRequest, error: str = "", status: int = 200) -> HttpResponse:
        return render(
            request,
            "notifications/preferences.html",
            {
                "rows": selectors.preferences_for(user=request.user),
                "modes": Mode.choices,
                "error": error,
            },
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request)

    def post(self, request: HttpRequest) -> HttpResponse:
        project = Project.objects.filter(slug=request.POST.get("project", "")).first()
        try:
            if project is None:
                raise NotFound(_("We could not find that project."))
            services.preference_set(
                actor=request.user, project=project, mode=request.POST.get("mode", "")
            )
        except (NotFound, ValidationFailed) as error:
            return self._page(request, error.message, status=400)
        return redirect("notifications:preferences")
