"""Subscriptions: double opt-in, preferences, one-click unsubscribe, all without an account.

The page never says whether an address is already subscribed (that would tell anyone who
is): asking again simply sends the confirmation again. Nothing here is written to a
project's log: a reader's address is theirs, not part of the record."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotFound, Problems, ValidationFailed
from workings.core.text import optional_text
from workings.posts import guards, mail, selectors
from workings.posts.addresses import subscriber_address
from workings.posts.models import Frequency, Scope, Subscription, SubscriptionState


def _scope(project: Any | None, series: str) -> str:
    return Scope.SERIES if series else (Scope.PROJECT if project is not None else Scope.SITE)


def subscribe(
    *, email: Any, project: Any | None = None, series: Any = "", frequency: Any = "immediately"
) -> Subscription:
    """Record the wish and send the confirmation e-mail (sent once the write is kept)."""
    if project is not None and not project.is_published:
        raise ValidationFailed(
            _("This project has not published anything yet, so there is nothing to subscribe to.")
        )
    problems = Problems()  # every broken rule is reported at once
    address = problems.check(subscriber_address, email)
    series_name = problems.check(
        optional_text, series, field="series", label=_("Series"), max_length=80
    )
    if series_name and series_name not in selectors.series_names(project):
        problems.add(_("There is no series by that name."), field="series")
    if frequency not in Frequency.values:
        problems.add(_("Choose how often you want e-mails."), field="frequency")
    problems.raise_any()
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .filter(email=address, project=project, series=series_name)
            .exclude(state=SubscriptionState.ENDED)
            .first()
        )
        if subscription is None:
            subscription = Subscription.objects.create(
                email=address,
                project=project,
                series=series_name,
                scope=_scope(project, series_name),
                frequency=frequency,
            )
        if subscription.state == SubscriptionState.PENDING:
            message = mail.confirmation(subscription, selectors.describe(subscription))
            transaction.on_commit(message.send)
    return subscription


def _by_uuid(value: str | None) -> Subscription:
    subscription = (
        Subscription.objects.filter(uuid=value).select_related("project").first() if value else None
    )
    if subscription is None:
        raise NotFound(_("That link is not complete or not valid. Check it was copied in full."))
    return subscription


def confirm(*, token: str) -> Subscription:
    value, expired = guards.read_confirm(token)
    with transaction.atomic():
        subscription = _by_uuid(value)
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.state == SubscriptionState.CONFIRMED:
            raise ValidationFailed(
                _(
                    "Your subscription is already confirmed: this link has been used. "
                    "Nothing more to do."
                )
            )
        if subscription.state == SubscriptionState.ENDED:
            raise ValidationFailed(
                _("This subscription has ended. To hear from us again, please subscribe again.")
            )
        if expired:
            raise ValidationFailed(
                _("This link has expired (links last seven days). Please subscribe again.")
            )
        subscription.state = SubscriptionState.CONFIRMED
        subscription.confirmed_at = clock.now()
        subscription.sent_up_to = subscription.confirmed_at
        subscription.save()
    return subscription


def by_manage_token(token: str) -> Subscription:
    return _by_uuid(guards.read_signed(token, guards.MANAGE_SALT))


@transaction.atomic
def change(*, subscription: Subscription, frequency: Any) -> Subscription:
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.state == SubscriptionState.ENDED:
        raise ValidationFailed(_("This subscription has ended. Please subscribe again."))
    if frequency not in Frequency.values:
        raise ValidationFailed(_("Choose how often you want e-mails."), field="frequency")
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    return subscription


@transaction.atomic
def unsubscribe(*, subscription: Subscription) -> Subscription:
    """Ends it at once and forgets the address. Doing it twice is fine (a mail program
    may press the button twice)."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.state != SubscriptionState.ENDED:
        # The address is not needed any more, so it is not kept.
        subscription.state = SubscriptionState.ENDED
        subscription.email = ""
        subscription.save(update_fields=["state", "email"])
    return subscription
