"""The log's part of the demo: a signing key before anything is appended."""

from __future__ import annotations

from workings.events import keys

DEMO_ORDER = 0


def prepare() -> None:
    if not keys.key_path().exists():
        keys.keys_init()
