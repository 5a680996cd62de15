"""The site's home page: what projects have published. It lists projects, so it lives here
(core sits below projects); workings/urls.py still names it core:home."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from workings.projects.selectors import project_list_published


class HomeView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "core/home.html", {"published": project_list_published()[:20]})
