"""The annex as Markdown: the same sections, in plain text anyone can paste into a grant."""

from __future__ import annotations

from typing import Any


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(doc: dict[str, Any]) -> str:
    cp = doc["checkpoint"]
    out = [
        f"# {doc['title']}",
        "",
        f"For {doc['audience_label']}. Made from the record as of its signed checkpoint of "
        f"{cp['size']} entries ({cp['origin']}).",
        "",
    ]
    for s in doc["sections"]:
        out += [f"## {s['title']}", ""]
        if s.get("intro"):
            out += [s["intro"], ""]
        if s.get("empty"):
            out += [f"*{s['empty']}*", ""]
        for label, value in s["facts"]:
            out.append(f"- **{label}:** {value}")
        if s["facts"]:
            out.append("")
        for t in s["tables"]:
            out += [f"**{t['caption']}**", ""]
            out.append("| " + " | ".join(_cell(c) for c in t["columns"]) + " |")
            out.append("|" + "---|" * len(t["columns"]))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in t["rows"]]
            out.append("")
        for it in s["items"]:
            out.append(f"### {it['heading']}")
            if it.get("meta"):
                out += ["", f"*{it['meta']}*"]
            if it.get("body"):
                out += ["", it["body"]]
            if it.get("cites"):
                out += ["", "Entries: " + ", ".join(f"#{c}" for c in it["cites"])]
            out.append("")
        if s.get("checkpoint_note"):
            out += ["Signed checkpoint:", "", "```", s["checkpoint_note"].rstrip("\n"), "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"
