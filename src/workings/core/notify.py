"""Notices and reminders, as the apps below notifications see them.

The notifications app sits above the domain apps (it reads their deadlines and sends what
they need people to know), so a domain app never imports it. Instead:

- ``notify(...)`` forwards to the sender the notifications app plugs in from its
  AppConfig.ready() (``plug_sender``); the keywords are those of
  ``workings.notifications.services.notify``.
- Each app with deadlines registers a reminder provider (``register_reminders``) from its own
  AppConfig.ready(); ``workings send-reminders`` runs them all. A provider is called with
  today's date and the ``notify`` function, sends what is due (once each, by key), and returns
  counts by name for the command's summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

Sender = Callable[..., list[Any]]
ReminderProvider = Callable[[dt.date, Sender], dict[str, int]]

_senders: list[Sender] = []
_providers: list[ReminderProvider] = []


def plug_sender(sender: Sender) -> None:
    _senders[:] = [sender]


def notify(**notice: Any) -> list[Any]:
    """Create one notice per person in ``user_ids`` (see notifications.services.notify)."""
    if not _senders:
        raise ImproperlyConfigured("The notifications app is not installed: no notice sender.")
    return _senders[0](**notice)


def register_reminders(provider: ReminderProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def reminder_providers() -> list[ReminderProvider]:
    return list(_providers)


def notify_after_commit(**notice: Any) -> None:
    """Queue ``notify(**notice)`` for when the current transaction commits (a write that is
    rolled back tells nobody). Does nothing for an empty ``user_ids``."""
    from django.db import transaction

    user_ids = set(notice.pop("user_ids", ()))
    if user_ids:
        transaction.on_commit(lambda: notify(user_ids=user_ids, **notice))
