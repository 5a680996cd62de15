"""The export for a grant application: always the latest approved version, who approved it
and when, every dissent note in full, and any submission. Read from the rows, which the
verifier holds to their snapshots in the log."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workings.core.exceptions import ValidationFailed
from workings.documents import selectors
from workings.documents.models import ApprovalKind, Document


def export_data(document: Document) -> dict[str, Any]:
    version = selectors.latest_approved(document)
    if version is None:
        raise ValidationFailed(
            _(
                "No version of this document is approved by its owners yet, so there is "
                "nothing to export."
            ),
            field="version",
        )
    names = selectors.labels(document.project)
    return {
        "title": document.title,
        "kind": document.kind,
        "version": version.number,
        "text": version.text,
        "approved_at": version.approved_at,
        "approvals": [
            {
                "by": names.get(a.user_id, f"member {a.user_id}"),
                "as": "lead co-signature" if a.kind == ApprovalKind.COSIGN else "owner",
                "at": a.created_at,
            }
            for a in version.approvals.all()
        ],
        "dissents": [
            {"by": names.get(d.user_id, f"member {d.user_id}"), "text": d.text, "at": d.created_at}
            for d in version.dissents.all()
        ],
        "submissions": [
            {"on": s.submitted_on, "application": s.application} for s in version.submissions.all()
        ],
    }


def export_markdown(document: Document) -> str:
    data = export_data(document)
    lines = [f"# {data['title']}", "", data["text"], "", "---", ""]
    lines.append(
        _("Version %(n)s, approved by its owners on %(day)s.")
        % {"n": data["version"], "day": f"{data['approved_at']:%d %B %Y}"}
    )
    lines.append("")
    for a in data["approvals"]:
        lines.append(f"- {a['by']} ({a['as']}), {a['at']:%d %B %Y}")
    for s in data["submissions"]:
        lines += [
            "",
            _("Submitted with the application “%(app)s” on %(day)s.")
            % {"app": s["application"], "day": f"{s['on']:%d %B %Y}"},
        ]
    if data["dissents"]:
        lines += ["", "## " + _("Dissent notes"), ""]
        for d in data["dissents"]:
            lines += [f"**{d['by']}** ({d['at']:%d %B %Y}):", "", d["text"], ""]
    return "\n".join(lines).rstrip() + "\n"
