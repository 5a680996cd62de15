"""The organisation's settings page. Thin: the policy, one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, WorkingsError
from workings.core.forms import add_service_error
from workings.funders import selectors
from workings.funders.forms import SettingsForm
from workings.funders.permissions import funder_policy
from workings.funders.setting_services import organisation_settings_update
from workings.funders.views import OrganisationMixin


class SettingsView(OrganisationMixin):
    def _page(self, form: SettingsForm) -> HttpResponse:
        org = self.organisation
        return render(
            self.request,
            "funders/settings.html",
            {
                "organisation": org,
                "form": form,
                "can_change": funder_policy.can_change_settings(self.request.user, org),
                "independent": selectors.independent_reviewers(organisation=org),
            },
            status=400 if form.errors else 200,
        )

    def _initial(self) -> SettingsForm:
        org = self.organisation
        return SettingsForm(
            initial={
                "disagreement_procedure": org.disagreement_procedure,
                "audit_interval_months": org.audit_interval_months,
                "response_days": org.response_days,
            }
        )

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._page(self._initial())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not funder_policy.can_change_settings(request.user, self.organisation):
            raise NotAllowed(_("Only the organisation's admins can change its settings."))
        form = SettingsForm(request.POST)
        if form.is_valid():
            try:
                organisation_settings_update(
                    actor=request.user, organisation=self.organisation, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your settings are saved."))
                return redirect("funders:settings", slug=slug)
        return self._page(form)
