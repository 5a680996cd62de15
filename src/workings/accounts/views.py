from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from workings.accounts import export_services, selectors, services
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
    """What Workings holds about you, explained; ask for a download, and fetch it when a
    worker has made it."""

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated and not account_policy.can_manage_profile(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        exports = selectors.data_exports_of(user=request.user)
        return render(request, "accounts/person_data.html", {"exports": exports})

    def post(self, request: HttpRequest) -> HttpResponse:
        try:
            export, created = export_services.data_export_request(actor=request.user)
        except WorkingsError as error:
            messages.error(request, error.message)
        else:
            if export.status == export.Status.READY:
                messages.success(request, _("Your data is ready to download below."))
            elif created:
                messages.success(
                    request,
                    _(
                        "We are preparing your data. This usually takes a few minutes: "
                        "we will send you a notice when it is ready."
                    ),
                )
            else:
                messages.info(request, _("Your data is already being prepared."))
        return redirect("accounts:data")


class PersonDataDownloadView(LoginRequiredMixin, View):
    """The file of one of your own data downloads (nobody else's: 404)."""

    def get(self, request: HttpRequest, uuid: str) -> HttpResponse:
        if not account_policy.can_manage_profile(request.user):
            raise PermissionDenied
        export = selectors.data_export_for(user=request.user, uuid=uuid)
        opened = selectors.data_export_file(export) if export is not None else None
        if opened is None:
            raise Http404(_("This download is not ready, or is no longer kept."))
        response = FileResponse(opened, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="workings-my-data.json"'
        response["Cache-Control"] = "no-store"
        return response
