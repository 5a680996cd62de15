from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from workings.core.glossary import TERMS


class AboutView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "core/about.html")


class GlossaryView(View):
    """The words the record uses, in plain words; pages link their terms here."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "core/glossary.html", {"terms": TERMS})


def server_error(request: HttpRequest) -> HttpResponse:
    # A plain template with no context: the 500 page must render even when the database is down.
    return render(request, "500.html", status=500, using=None)
