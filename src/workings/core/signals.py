from __future__ import annotations

from typing import Any

from django.core.management import call_command


def create_cache_table(using: str = "default", **kwargs: Any) -> None:
    """The shared database cache needs its table; make it part of every migrate."""
    call_command("createcachetable", database=using, verbosity=0)
