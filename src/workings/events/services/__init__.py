"""The log's services (writes): appending (append.py), erasing and hiding (erasing.py),
witnessing (witness.py). Callers across the apps import them from here."""

from __future__ import annotations

from workings.events.services.append import append_event, log_create, sealed_batch_append
from workings.events.services.erasing import (
    QUOTE_MIN_CHARS,
    entry_erase,
    entry_erase_on_request,
    entry_hide,
    entry_show,
)
from workings.events.services.witness import witness_visit

__all__ = [
    "QUOTE_MIN_CHARS",
    "append_event",
    "entry_erase",
    "entry_erase_on_request",
    "entry_hide",
    "entry_show",
    "log_create",
    "sealed_batch_append",
    "witness_visit",
]
