"""Drop the single-column log_id indexes of Entry, TreeNode and Checkpoint: each table's
unique constraint starts with log_id and serves the same lookups, and every append wrote
all of them (bench/README.md, Ledger). Done with DROP INDEX rather than an AlterField so
that SQLite does not rebuild the tables (which would drop their append-only triggers)."""

from django.db import migrations, models

INDEXES = [
    ("entry", "events_entry", "events_entry_log_id_2a8ed6cd"),
    ("treenode", "events_treenode", "events_treenode_log_id_f95e7368"),
    ("checkpoint", "events_checkpoint", "events_checkpoint_log_id_19fae750"),
]
RELATED = {"entry": "entries", "treenode": "nodes", "checkpoint": "checkpoints"}


def _operation(model: str, table: str, index: str) -> migrations.SeparateDatabaseAndState:
    return migrations.SeparateDatabaseAndState(
        database_operations=[
            migrations.RunSQL(
                f"DROP INDEX IF EXISTS {index}",
                reverse_sql=f"CREATE INDEX {index} ON {table} (log_id)",
            )
        ],
        state_operations=[
            migrations.AlterField(
                model_name=model,
                name="log",
                field=models.ForeignKey(
                    db_index=False,
                    on_delete=models.deletion.PROTECT,
                    related_name=RELATED[model],
                    to="events.log",
                ),
            )
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0008_cosignature_append_only")]

    operations = [_operation(*spec) for spec in INDEXES]
