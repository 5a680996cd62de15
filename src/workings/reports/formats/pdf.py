"""The annex as a tagged PDF (PDF/UA-1) with title and language set and the JSON annex
embedded as annex.json, so the PDF alone can be checked with `workings verify-annex`."""

from __future__ import annotations

import json
from typing import Any

from django.template.loader import render_to_string

# Beyond this many rows a table is summarised in the PDF (counts) and left in full in the
# JSON, which the PDF carries: keeps a 10,000-entry PDF within time and memory.
PDF_MAX_ROWS = 300
PDF_MAX_ITEMS = 300


def _trim(doc: dict[str, Any]) -> dict[str, Any]:
    sections = []
    for s in doc["sections"]:
        s = dict(s)
        notes = []
        tables = []
        for t in s["tables"]:
            if len(t["rows"]) > PDF_MAX_ROWS:
                notes.append(
                    f"{t['caption']}: {len(t['rows'])} rows; the first {PDF_MAX_ROWS} are shown, "
                    "all of them are in the annex.json file inside this PDF."
                )
                t = {**t, "rows": t["rows"][:PDF_MAX_ROWS]}
            tables.append(t)
        s["tables"] = tables
        if len(s["items"]) > PDF_MAX_ITEMS:
            notes.append(
                f"{len(s['items'])} items; the first {PDF_MAX_ITEMS} are shown, all of them are "
                "in the annex.json file inside this PDF."
            )
            s["items"] = s["items"][:PDF_MAX_ITEMS]
        s["pdf_notes"] = notes
        sections.append(s)
    return {**doc, "sections": sections}


def render(doc: dict[str, Any], progress: Any = None) -> bytes:
    import weasyprint

    html = render_to_string("reports/annex_pdf.html", {"doc": _trim(doc)})
    if progress:
        progress(60, "Laid out the pages")
    attachment = weasyprint.Attachment(
        string=json.dumps(doc, ensure_ascii=False),
        name="annex.json",
        description="The annex as JSON (workings-annex/1), for workings verify-annex",
    )
    pdf = weasyprint.HTML(string=html, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1", attachments=[attachment], uncompressed_pdf=False
    )
    if progress:
        progress(95, "Wrote the PDF")
    return bytes(pdf)
