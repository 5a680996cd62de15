"""What a database administrator could do behind the software's back, for the tamper tests:
drop the append-only triggers (inside the test's transaction) and rewrite rows."""

from __future__ import annotations

from django.db import connection

TABLES = ("events_entry", "events_treenode", "events_checkpoint", "events_cosignature")


def drop_triggers() -> None:
    with connection.cursor() as cursor:
        for table in TABLES:
            if connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")


def sql(statement: str, params: list[object] | tuple[object, ...] = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
