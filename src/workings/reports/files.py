"""Annex files (PDF, JSON, Markdown): made once per project, checkpoint, audience, format and
template version, then reused. Small ones are made while the person waits; large PDFs in
the background (tasks.py)."""

from __future__ import annotations

import json
from typing import Any

from django.db import IntegrityError, transaction

from workings.core import clock
from workings.core.i18n import in_record_language
from workings.reports import annex
from workings.reports.formats import markdown, pdf
from workings.reports.ledger_view import checkpoint_for
from workings.reports.models import AnnexFile

# PDFs of logs up to this size are made while the person waits (bench: 1,000 entries < 10 s).
INLINE_PDF_MAX_ENTRIES = 2000
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
}


@in_record_language()
def render(doc: dict[str, Any], fmt: str, progress: Any = None) -> bytes:
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "md":
        return markdown.render(doc).encode("utf-8")
    if fmt == "pdf":
        return pdf.render(doc, progress)
    raise ValueError(f"unknown format {fmt!r}")


def file_for(
    *, project: Any, audience: str, checkpoint_size: int | None, fmt: str, actor: Any
) -> tuple[AnnexFile, bool]:
    """The cache row for this annex (created if new) and whether it was just created."""
    _log, cp = checkpoint_for(project=project, size=checkpoint_size)
    key = {
        "project": project,
        "audience": audience,
        "checkpoint_size": cp.size,
        "fmt": fmt,
        "template_version": annex.TEMPLATE_VERSION,
    }
    row = AnnexFile.objects.defer("data").filter(**key).first()
    if row is not None:
        if row.status == AnnexFile.Status.FAILED:
            AnnexFile.objects.filter(pk=row.pk).update(
                status=AnnexFile.Status.QUEUED, error="", progress=0
            )
            row.refresh_from_db(fields=["status", "error", "progress"])
            return row, True
        return row, False
    try:
        with transaction.atomic():
            # A signed-out reader of the public annex is nobody to record.
            requested_by = actor if getattr(actor, "is_authenticated", False) else None
            return AnnexFile.objects.create(**key, requested_by=requested_by), True
    except IntegrityError:  # made by someone else at the same moment
        return AnnexFile.objects.defer("data").get(**key), False


def _progress(row: AnnexFile) -> Any:
    def report(percent: int, stage: str) -> None:
        AnnexFile.objects.filter(pk=row.pk).update(progress=percent, stage=stage)

    return report


def make(row: AnnexFile) -> AnnexFile:
    """Build the annex and its file, recording progress. A failure is stored on the row (for
    the status page) and re-raised, so the task runner records it too."""
    if row.status == AnnexFile.Status.DONE:
        return row
    progress = _progress(row)
    AnnexFile.objects.filter(pk=row.pk).update(
        status=AnnexFile.Status.RUNNING, progress=5, stage="Reading the record"
    )
    try:
        doc = annex.build(
            project=row.project,
            audience=row.audience,
            checkpoint_size=row.checkpoint_size,
            progress=progress,
        )
        data = render(doc, row.fmt, progress)
    except Exception as exc:  # noqa: BLE001 - stored for the status page, then re-raised
        AnnexFile.objects.filter(pk=row.pk).update(
            status=AnnexFile.Status.FAILED, error=f"{type(exc).__name__}: {exc}", stage="Failed"
        )
        raise
    AnnexFile.objects.filter(pk=row.pk).update(
        status=AnnexFile.Status.DONE,
        progress=100,
        stage="Ready",
        data=data,
        finished_at=clock.now(),
    )
    row.refresh_from_db()
    return row
