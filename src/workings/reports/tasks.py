"""Background work: large PDF annexes, made by `workings worker` (django-tasks, database
backend). Progress is written to the AnnexFile row, which the status page shows."""

from __future__ import annotations

from django_tasks import task

from workings.reports.models import AnnexFile


@task()
def make_annex_file(file_id: int) -> None:
    from workings.reports import files

    files.make(AnnexFile.objects.get(pk=file_id))


def enqueue(annex_file: AnnexFile) -> None:
    AnnexFile.objects.filter(pk=annex_file.pk).update(stage="Waiting for a worker")
    make_annex_file.enqueue(annex_file.pk)
