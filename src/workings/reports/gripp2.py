"""GRIPP2 short form (5 items) and long form (34 items), filled from the record.

Items are paraphrased briefly from the published checklists (Staniszewska et al., BMJ
2017;358:j3453; Res Involv Engagem 2017;3:13): read the originals for the exact wording.
Each item names the annex sections that can evidence it; an item is filled from the record
when one of those sections has something recorded, from the co-written narrative when the
narrative has a heading naming the item (for example "## 4d"), and otherwise flagged in
plain words: "4d, level or nature of involvement: nothing recorded yet".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from workings.core.csvfile import SafeWriter

SHORT, LONG = "short", "long"


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    name: str
    asks: str
    sources: tuple[str, ...]  # annex section ids that can evidence this item


def _i(id: str, section: str, name: str, asks: str, *sources: str) -> Item:
    return Item(id, section, name, asks, sources)


SHORT_FORM: tuple[Item, ...] = (
    _i("SF1", "Aim", "aim", "The aim of involving patients and the public.", "agreement"),
    _i(
        "SF2",
        "Methods",
        "methods",
        "How involvement was done.",
        "people",
        "involvement",
        "agreement",
    ),
    _i(
        "SF3",
        "Results",
        "outcomes",
        "What involvement led to, good and bad.",
        "decisions",
        "feedback",
    ),
    _i(
        "SF4",
        "Discussion and conclusions",
        "outcomes discussed",
        "How far involvement shaped the study, good and bad.",
        "decisions",
        "disagreements",
    ),
    _i(
        "SF5",
        "Reflections",
        "critical perspective",
        "What went well and what did not, so others can learn.",
        "accounts",
        "disagreements",
        "concerns",
        "leavers",
        "reply",
    ),
)

_OUTCOME_TOPICS = (
    ("a", "outcomes", "the results of involvement, good and bad", ("decisions", "feedback")),
    (
        "b",
        "impacts",
        "effects on the research, the people involved and beyond",
        ("decisions", "accounts"),
    ),
    ("c", "definition", "the definition of involvement used", ("agreement",)),
    ("d", "theoretical underpinnings", "the theory behind the involvement", ()),
    (
        "e",
        "context",
        "what helped or hindered involvement",
        ("disagreements", "concerns", "leavers"),
    ),
    (
        "f",
        "capture or measurement of impact",
        "how robust the evidence of impact is",
        ("integrity", "feedback"),
    ),
)

LONG_FORM: tuple[Item, ...] = (
    _i("1a", "Abstract", "aim", "The study's aim.", "agreement"),
    _i(
        "1b",
        "Abstract",
        "methods",
        "How patients and the public were involved.",
        "people",
        "involvement",
    ),
    _i(
        "1c", "Abstract", "results", "Impacts and outcomes of involvement.", "decisions", "feedback"
    ),
    _i("1d", "Abstract", "conclusions", "The main conclusions."),
    _i("1e", "Abstract", "keywords", "Involvement named among the keywords."),
    _i("2a", "Background", "definition", "The definition of involvement used.", "agreement"),
    _i("2b", "Background", "theoretical underpinnings", "Why involve people, in theory."),
    _i("2c", "Background", "concepts and theory development", "Models or theories used."),
    _i("3", "Aims", "aim", "The study's aim.", "agreement"),
    _i("4a", "Methods", "design", "How people were involved.", "agreement", "involvement"),
    _i("4b", "Methods", "people involved", "Who was involved.", "people", "leavers"),
    _i("4c", "Methods", "stages of involvement", "Involvement at each stage.", "involvement"),
    _i(
        "4d",
        "Methods",
        "level or nature of involvement",
        "How much say people had at each stage.",
        "decisions",
    ),
    _i(
        "5a",
        "Capture or measurement of impact",
        "qualitative evidence of impact",
        "How impact was explored in words.",
        "accounts",
        "feedback",
    ),
    _i(
        "5b",
        "Capture or measurement of impact",
        "quantitative evidence of impact",
        "How impact was measured in numbers.",
        "feedback",
        "decisions",
    ),
    _i(
        "5c",
        "Capture or measurement of impact",
        "robustness of measure",
        "How rigorous that capture was.",
        "integrity",
    ),
    _i(
        "6",
        "Economic assessment",
        "economic assessment",
        "Any assessment of costs and value.",
        "plans",
    ),
    _i(
        "7a",
        "Results",
        "outcomes",
        "The results of involvement, good and bad.",
        "decisions",
        "feedback",
    ),
    _i(
        "7b",
        "Results",
        "impacts",
        "Effects on the research, the people and beyond.",
        "decisions",
        "accounts",
    ),
    _i(
        "7c",
        "Results",
        "qualitative evidence of impact",
        "What people said about impact.",
        "accounts",
    ),
    _i(
        "7d",
        "Results",
        "quantitative evidence of impact",
        "Impact in numbers.",
        "feedback",
        "decisions",
    ),
    *(
        _i(f"8{k}", "Discussion", name, f"Discuss {asks}.", *src)
        for k, name, asks, src in _OUTCOME_TOPICS
    ),
    *(
        _i(f"9{k}", "Conclusions", name, f"Conclusions on {asks}.", *src)
        for k, name, asks, src in _OUTCOME_TOPICS
    ),
    _i(
        "10",
        "Reflections",
        "critical perspective",
        "What went well and what did not, for others' learning.",
        "accounts",
        "disagreements",
        "concerns",
        "leavers",
        "reply",
    ),
)

FORMS = {SHORT: SHORT_FORM, LONG: LONG_FORM}
assert len(SHORT_FORM) == 5 and len(LONG_FORM) == 34  # noqa: S101 - the published counts

_HEADING = re.compile(r"^#{1,6}\s*(?:item\s*)?([0-9]{1,2}[a-f]?|SF[1-5])\b", re.I | re.M)


def narrative_items(text: str) -> set[str]:
    """Item ids that the narrative covers under a heading such as '## 4d' or '# SF5'."""
    return {
        m.group(1).upper() if m.group(1).upper().startswith("SF") else m.group(1).lower()
        for m in _HEADING.finditer(text or "")
    }


def fill(form: str, doc: dict[str, Any], narrative: str = "") -> list[dict[str, Any]]:
    """Each item with its evidence (annex sections with entries cited) or a plain flag."""
    sections = {s["id"]: s for s in doc["sections"]}
    covered = narrative_items(narrative)
    rows = []
    for it in FORMS[form]:
        evidence = []
        for sid in it.sources:
            s = sections.get(sid)
            if s and s["recorded"]:
                evidence.append({"section": sid, "title": s["title"], "cites": s["cites"][:20]})
        in_narrative = it.id in covered
        flag = None
        if not evidence and not in_narrative:
            flag = f"{it.id}, {it.name}: nothing recorded yet"
        rows.append(
            {
                "id": it.id,
                "section": it.section,
                "name": it.name,
                "asks": it.asks,
                "evidence": evidence,
                "in_narrative": in_narrative,
                "flag": flag,
            }
        )
    return rows


def _evidence_text(row: dict[str, Any]) -> str:
    parts = [e["title"] for e in row["evidence"]]
    if row["in_narrative"]:
        parts.append("the co-written narrative")
    return "; ".join(parts) if parts else (row["flag"] or "")


EXPORT_COLUMNS = [
    "Item",
    "Section",
    "Topic",
    "What to report",
    "Evidence in the record",
    "Reported on page",
]


def export_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = SafeWriter(buf)
    w.writerow(EXPORT_COLUMNS)
    for r in rows:
        w.writerow([r["id"], r["section"], r["name"], r["asks"], _evidence_text(r), ""])
    return buf.getvalue()


def export_markdown(rows: list[dict[str, Any]], title: str) -> str:
    out = [
        f"# {title}",
        "",
        "| " + " | ".join(EXPORT_COLUMNS) + " |",
        "|" + "---|" * len(EXPORT_COLUMNS),
    ]
    for r in rows:
        cells = [r["id"], r["section"], r["name"], r["asks"], _evidence_text(r), ""]
        out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out) + "\n"
