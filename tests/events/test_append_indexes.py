"""Each append writes one row to each of these tables: no index beyond the ones that serve
a lookup (migration events/0008), and the append-only triggers survived the migration."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

pytestmark = pytest.mark.django_db

TABLES = {
    "events_entry": ["log_id", "seq"],
    "events_treenode": ["log_id", "level", "index"],
    "events_checkpoint": ["log_id", "size"],
}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_only_the_unique_index_starts_with_the_log(table: str) -> None:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    by_log = [
        c["columns"]
        for c in constraints.values()
        if (c["index"] or c["unique"])
        and not c["primary_key"]
        and not c["foreign_key"]
        and c["columns"][:1] == ["log_id"]
    ]
    assert by_log == [TABLES[table]]


def test_the_tables_are_still_append_only(world: object) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM events_checkpoint")
