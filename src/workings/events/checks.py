"""System checks that refuse settings which could lose acknowledged writes."""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, register
from django.db import connections


@register("database")
def durable_database(app_configs: Any = None, databases: Any = None, **kwargs: Any) -> list[Error]:
    errors: list[Error] = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor == "sqlite":
            errors.extend(_sqlite(connection))
        elif connection.vendor == "postgresql":
            errors.extend(_postgresql(connection))
    return errors


def _sqlite(connection: Any) -> list[Error]:
    errors = []
    options = connection.settings_dict.get("OPTIONS", {})
    if options.get("transaction_mode") != "IMMEDIATE":
        errors.append(
            Error(
                "SQLite must run with transaction_mode='IMMEDIATE' so appends to a log are "
                "serialised.",
                id="workings.E001",
            )
        )
    if connection.settings_dict["NAME"] in ("", ":memory:") or "mode=memory" in str(
        connection.settings_dict["NAME"]
    ):
        return errors
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0].lower()
        cursor.execute("PRAGMA synchronous")
        synchronous = int(cursor.fetchone()[0])
        cursor.execute("PRAGMA busy_timeout")
        busy = int(cursor.fetchone()[0])
    if journal != "wal":
        errors.append(Error("SQLite must use journal_mode=WAL.", id="workings.E002"))
    if synchronous < 2:
        errors.append(
            Error(
                "SQLite must use synchronous=FULL so acknowledged writes survive a crash.",
                id="workings.E003",
            )
        )
    if busy < 5000:
        errors.append(Error("SQLite busy_timeout must be at least 5 seconds.", id="workings.E004"))
    return errors


def _postgresql(connection: Any) -> list[Error]:
    errors = []
    with connection.cursor() as cursor:
        for name in ("fsync", "synchronous_commit", "full_page_writes"):
            cursor.execute(f"SHOW {name}")  # noqa: S608 - fixed names above
            value = cursor.fetchone()[0]
            if value == "off":
                errors.append(
                    Error(
                        f"PostgreSQL has {name}=off, which can lose acknowledged writes; "
                        "Workings refuses to run on it.",
                        id="workings.E010",
                    )
                )
    return errors
