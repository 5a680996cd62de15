"""WORKINGS_REQUIRE_TWO_FACTOR: people who hold power over others' words must use a second factor.

When the setting is on, a site administrator, a project's lead or researcher and a funder's
reviewer (who reads sealed concerns) cannot use Workings until they have set up an
authenticator app: every page sends them to the set-up page, which explains why.
Contributors and observers are never forced (many have no smartphone); they are offered it on
their profile.
See docs/decisions/sessions-and-two-factor.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from workings.projects.models import Membership, Role
from workings.projects.permissions import project_policy

# Paths a person without a second factor can still use: signing in and out, setting the
# factor up, and the page files.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/profile/sign-out-everywhere/")


def must_use_two_factor(user: Any) -> bool:
    if user.is_staff or user.is_superuser:
        return True
    if Membership.objects.filter(
        user=user, role__in=(Role.LEAD, Role.RESEARCHER), left_at__isnull=True
    ).exists():
        return True
    return bool(project_policy.reviewed_project_ids(user))


def has_two_factor(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            getattr(settings, "WORKINGS_REQUIRE_TWO_FACTOR", False)
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and not has_two_factor(user)
            and must_use_two_factor(user)
        ):
            messages.warning(
                request,
                _(
                    "Because you can change or read what others wrote, this site asks you to "
                    "use an authenticator app as well as your password. Please set it up now: "
                    "it takes about two minutes."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
