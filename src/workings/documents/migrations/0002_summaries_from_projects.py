"""Each existing project's plain-English summary becomes version 1 (not approved) of its
summary document, recorded in its log (documents/migrating.py says why the current
services are used)."""

from typing import Any

from django.db import migrations


def forwards(apps: Any, schema_editor: Any) -> None:
    from workings.documents.migrating import summaries_from_projects

    summaries_from_projects()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("projects", "__latest__"),
        ("events", "__latest__"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
