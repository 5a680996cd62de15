"""The admin site, for site administrators (superusers) only.

Everyone else gets "not found", as for any page they may not see; a signed-out visitor is
sent to the ordinary sign-in page. Only models registered here appear (funder organisations
and their people); the domain's records are changed through the services, never here."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _


class WorkingsAdminSite(admin.AdminSite):
    site_header = _("Workings site administration")
    site_title = _("Workings site administration")
    index_title = _("Site administration")
    final_catch_all_view = False

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_superuser)

    def admin_view(self, view: Callable[..., Any], cacheable: bool = False) -> Any:
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if not self.has_permission(request):
                raise Http404
            return inner(request, *args, **kwargs)  # type: ignore[no-any-return]

        return guarded

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(self._index_url(), settings.LOGIN_URL)
        if not self.has_permission(request):
            raise Http404
        return redirect(self._index_url())

    def _index_url(self) -> str:
        from django.urls import reverse

        return reverse("admin:index", current_app=self.name)


site = WorkingsAdminSite(name="admin")
