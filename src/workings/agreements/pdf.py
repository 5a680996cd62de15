"""PDF of an agreement version (WeasyPrint), tagged for accessibility (PDF/UA-1), with its
title and language set, its answers, content hash and ledger checkpoint."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from workings.agreements.presenters import version_view


def version_pdf(version: Any, *, base_url: str | None = None) -> bytes:
    from weasyprint import CSS, HTML

    context = {
        "project": version.project,
        "pdf": True,
        **version_view(version, with_comments=False),
    }
    html = render_to_string("agreements/print.html", context)
    css = finders.find("agreements/print.css")
    document = HTML(string=html, base_url=base_url)
    return document.write_pdf(
        stylesheets=[CSS(filename=css)] if css else [],
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        uncompressed_pdf=False,
    )
