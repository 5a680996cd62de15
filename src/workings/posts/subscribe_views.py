"""Subscribing, confirming, preferences and one-click unsubscribe. No account needed: the
private links in the e-mails are the keys. The one-click POST (RFC 8058) comes from a mail
program with no cookie, so it is exempt from the CSRF check; it can only ever end the
subscription its signed link names."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from workings.core.exceptions import WorkingsError
from workings.core.forms import add_service_error
from workings.posts import guards, selectors, subscriptions
from workings.posts.addresses import masked
from workings.posts.forms import FrequencyForm, SubscribeForm
from workings.posts.views import BlogMixin


class SubscribeView(BlogMixin):
    def page(self, form: SubscribeForm, status: int = 200, sent: bool = False) -> HttpResponse:
        series = form["series"].value() or ""
        return self.render(
            "posts/subscribe.html", status=status, form=form, sent=sent, series_name=series
        )

    def get(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        return self.page(SubscribeForm(initial={"series": request.GET.get("series", "")}))

    def post(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["website"]:
                return self.page(SubscribeForm(), sent=True)
            if guards.over_limit("subscribe", guards.client_address(request)):
                form.add_error(None, _("Please wait ten minutes and try again."))
                return self.page(form, status=429)
            try:
                subscriptions.subscribe(
                    email=form.cleaned_data["email"],
                    project=self.project,
                    series=form.cleaned_data["series"],
                    frequency=form.cleaned_data["frequency"],
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                return self.page(SubscribeForm(), sent=True)
        return self.page(form, status=400)


class ConfirmView(View):
    """The link in the confirmation e-mail shows a button: a mail scanner that opens links
    must not confirm for the person."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return render(request, "posts/confirm.html", {"done": False})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            subscription = subscriptions.confirm(token=token)
        except WorkingsError as error:
            return render(request, "posts/confirm.html", {"problem": error.message}, status=400)
        return render(
            request,
            "posts/confirm.html",
            {
                "done": True,
                "what": selectors.describe(subscription),
                "manage_token": guards.manage_token(subscription),
            },
        )


class SubscriptionView(View):
    def context(self, subscription: Any, form: Any = None, **extra: Any) -> dict[str, Any]:
        return {
            "subscription": subscription,
            "address": masked(subscription.email),
            "what": selectors.describe(subscription),
            "form": form or FrequencyForm(initial={"frequency": subscription.frequency}),
            **extra,
        }

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = subscriptions.by_manage_token(token)
        return render(request, "posts/subscription.html", self.context(subscription))

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = subscriptions.by_manage_token(token)
        form = FrequencyForm(request.POST)
        if form.is_valid():
            try:
                subscriptions.change(
                    subscription=subscription, frequency=form.cleaned_data["frequency"]
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your choice is saved."))
                return redirect(request.path)
        return render(
            request, "posts/subscription.html", self.context(subscription, form), status=400
        )


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = subscriptions.by_manage_token(token)
        return render(
            request,
            "posts/unsubscribe.html",
            {"what": selectors.describe(subscription), "done": subscription.state == "ended"},
        )

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = subscriptions.unsubscribe(subscription=subscriptions.by_manage_token(token))
        return render(
            request,
            "posts/unsubscribe.html",
            {"what": selectors.describe(subscription), "done": True},
        )
