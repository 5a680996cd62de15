"""Background work for accounts: a person's data download, made by `workings worker`
(django-tasks, database queue; tests run it at once)."""

from __future__ import annotations

from django_tasks import task

from workings.accounts.models import DataExport


@task()
def make_data_export(export_id: int) -> None:
    from workings.accounts import export_services

    export_services.data_export_make(export_id=export_id)


def enqueue(export: DataExport) -> None:
    make_data_export.enqueue(export.pk)
