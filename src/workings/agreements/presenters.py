"""What a version page, the printable page and the PDF show, built in one place and with a
fixed number of queries (comments, answers and names are each fetched once)."""

from __future__ import annotations

from typing import Any

from workings.agreements import selectors
from workings.agreements.diff import structured_lines
from workings.agreements.integrity import checkpoint_for, checkpoint_summary, version_hash
from workings.agreements.models import AgreementVersion, Answer
from workings.agreements.readability import readability
from workings.agreements.sections import HANDLER_ROLES, RATE_KINDS, SECTIONS
from workings.core.vocab import INFLUENCE_HELP, InfluenceLevel, ResearchArea


def decision_rows(content: dict[str, Any]) -> list[dict[str, str]]:
    rights = content.get("decision_rights") or {}
    return [
        {
            "area": area.label,
            "value": rights.get(area.value, ""),
            "level": InfluenceLevel(rights[area.value]).label
            if area.value in rights
            else "Not decided yet",
        }
        for area in ResearchArea
    ]


def levels_used(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A short explanation of each influence level the agreement uses, least say first."""
    used = {r["value"] for r in rows if r["value"]}
    return [
        {"label": level.label, "help": str(INFLUENCE_HELP[level])}
        for level in InfluenceLevel
        if level.value in used
    ]


def _mid_sentence(name: str) -> str:
    """ "The involvement lead" reads "the involvement lead" inside a sentence; names stay."""
    return "the" + name[3:] if name.startswith("The ") else name


def _role_label(stage: dict[str, Any]) -> str:
    """The handler's role, unless the handler is already named by it ("The involvement
    lead (the involvement lead)" says nothing twice)."""
    label = HANDLER_ROLES.get(stage["handler_role"], "")
    return "" if label.strip().lower() == str(stage.get("handler", "")).strip().lower() else label


def version_view(
    version: AgreementVersion, *, with_comments: bool = True, labels: dict[int, str] | None = None
) -> dict[str, Any]:
    content = version.content
    labels = labels if labels is not None else selectors.membership_labels(version.project)
    threads = selectors.comments_for(version) if with_comments else {}
    sections = []
    for s in SECTIONS:
        text = content["sections"].get(s.key, "")
        sections.append(
            {
                "key": s.key,
                "title": s.title,
                "guidance": s.guidance,
                "example": s.example,
                "text": text,
                "readability": readability(text),
                "lines": structured_lines(s.key, content, labels)
                if s.key not in ("decisions", "disagreements")
                else [],
                "threads": threads.get(s.key, []),
            }
        )
    proc = content["procedure"]
    stages = [
        {
            **st,
            "role_label": _role_label(st),
            "handler_text": _mid_sentence(st.get("handler") or ""),
        }
        for st in proc["stages"]
    ]
    answers = list(selectors.answers_for(version))
    waiting = selectors.waiting_for(version) if version.status in ("proposed", "in_force") else []
    payment = content["payment"]
    return {
        "version": version,
        "sections": sections,
        "decision_rows": decision_rows(content),
        "levels_used": levels_used(decision_rows(content)),
        "stages": stages,
        "independent_person": proc["independent_person"],
        "funder_stage": proc["funder_stage_index"] + 1 if stages else None,
        "payment": {**payment, "kind_label": RATE_KINDS.get(payment["rate_kind"], "")},
        "answers": answers,
        "reservations": [a for a in answers if a.answer != Answer.AGREE],
        "waiting": waiting,
        "labels": labels,
        "named_parties": [labels.get(int(i), f"member {i}") for i in content["named_parties"]],
        "content_hash": version_hash(version),
        "checkpoint": checkpoint_summary(checkpoint_for(version)),
    }
