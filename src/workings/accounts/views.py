from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.accounts import selectors, services
from workings.accounts.forms import ProfileForm, TokenCreateForm
from workings.accounts.permissions import account_policy
from workings.core.exceptions import WorkingsError
from workings.core.forms import add_service_error


class ProfileView(LoginRequiredMixin, View):
    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated and not account_policy.can_manage_profile(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        form = ProfileForm(
            initial={
                "display_name": user.display_name,
                "pref_larger_text": user.pref_larger_text,
                "pref_high_contrast": user.pref_high_contrast,
                "pref_reduced_motion": user.pref_reduced_motion,
            }
        )
        return render(request, "accounts/profile.html", {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.profile_update(actor=request.user, **form.cleaned_data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your profile has been saved."))
                return redirect("accounts:profile")
        return render(request, "accounts/profile.html", {"form": form}, status=400)


class TokenListView(LoginRequiredMixin, View):
    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated and not account_policy.can_manage_tokens(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _render(self, request: HttpRequest, form: TokenCreateForm, **extra: object) -> HttpResponse:
        context = {"form": form, "tokens": selectors.token_list(user=request.user), **extra}
        status = 400 if form.errors else 200
        return render(request, "accounts/token_list.html", context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, TokenCreateForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TokenCreateForm(request.POST)
        if form.is_valid():
            try:
                token, raw = services.token_create(
                    actor=request.user, name=form.cleaned_data["name"]
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return self._render(
                    request, TokenCreateForm(), new_token=raw, new_token_name=token.name
                )
        return self._render(request, form)


class TokenRevokeView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not account_policy.can_manage_tokens(request.user):
            raise PermissionDenied
        try:
            token = services.token_revoke(actor=request.user, token_id=pk)
        except WorkingsError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("The token “%(name)s” has been revoked.") % {"name": token.name}
            )
        return redirect("accounts:tokens")


class SignOutEverywhereView(LoginRequiredMixin, View):
    """Ends every session of the person, this one included (and, if asked, their tokens)."""

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated and not account_policy.can_manage_profile(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "accounts/sign_out_everywhere.html")

    def post(self, request: HttpRequest) -> HttpResponse:
        revoked = services.sign_out_everywhere(
            actor=request.user, revoke_tokens=request.POST.get("revoke_tokens") == "on"
        )
        logout(request)
        text = _("You are now signed out on every computer, phone and tablet.")
        if revoked:
            text += " " + _("Your API access tokens were revoked too.")
        messages.success(request, text)
        # Not the sign-in page itself: the message says what happened, and sign-in is one link away.
        return redirect("core:home")


class PersonDataView(LoginRequiredMixin, View):
    """What Workings holds about you, explained, with the download."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not account_policy.can_manage_profile(request.user):
            raise PermissionDenied
        return render(request, "accounts/person_data.html")


class PersonDataDownloadView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        if not account_policy.can_manage_profile(request.user):
            raise PermissionDenied
        body = json.dumps(selectors.person_data(request.user), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="workings-my-data.json"'
        response["Cache-Control"] = "no-store"
        return response
