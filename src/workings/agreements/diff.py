"""Section-by-section, word-by-word differences between two versions (difflib on words).

Structured parts (decision table, stages, payment) are turned into plain sentences first, so
one diff shows every change in the words a reader would use."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from workings.agreements.sections import (
    FINAL_SAY_RULES,
    HANDLER_ROLES,
    LEAVING_PROMISE,
    RATE_KINDS,
    SECTIONS,
)
from workings.core.vocab import InfluenceLevel, ResearchArea

_TOKENS = re.compile(r"\n|[^\s]+")


@dataclass(frozen=True)
class Part:
    op: str  # "same" | "added" | "removed" | "break"
    text: str


@dataclass(frozen=True)
class SectionDiff:
    key: str
    title: str
    changed: bool
    parts: tuple[Part, ...]


def structured_lines(key: str, content: dict[str, Any], labels: dict[int, str]) -> list[str]:
    """The structured data of one section as plain sentences."""
    if key == "decisions":
        rights = content.get("decision_rights") or {}
        return [
            f"{ResearchArea(area).label}: {InfluenceLevel(rights[area]).label}."
            if area in rights
            else f"{ResearchArea(area).label}: not decided yet."
            for area in ResearchArea.values
        ]
    if key == "payment":
        p = content.get("payment") or {}
        if not p:
            return []
        return [
            f"Rate: {p['rate']} {p['currency']} {RATE_KINDS.get(p['rate_kind'], '')}.",
            f"Expenses: {p.get('expenses_policy') or 'not said yet'}",
            f"Payments are made within {p['payment_days']} days.",
        ]
    if key == "communication":
        days = (content.get("communication") or {}).get("feedback_response_days")
        return [f"Feedback is answered within {days} days."] if days else []
    if key == "disagreements":
        proc = content.get("procedure") or {}
        stages = proc.get("stages") or []
        lines = [
            f"Stage {n}: {s['name']}. Handled by {s['handler']} "
            f"({HANDLER_ROLES.get(s['handler_role'], s['handler_role']).lower()}); answer within "
            f"{s['response_days']} days."
            for n, s in enumerate(stages, start=1)
        ]
        lines.append(f"Independent person: {proc.get('independent_person') or 'not named yet'}.")
        if stages:
            lines.append(
                "A contributor may take a disagreement to the funder on their own from stage "
                f"{int(proc.get('funder_stage_index', 0)) + 1}."
            )
        return lines
    if key == "leaving":
        leaving = content.get("leaving") or {}
        return [
            LEAVING_PROMISE,
            f"Contributions: {leaving.get('contributions') or 'not said yet'}",
            f"Credit: {leaving.get('credit') or 'not said yet'}",
        ]
    if key == "documents":
        documents = content.get("documents") or {}
        if not documents:
            return []
        owners = ", ".join(labels.get(int(i), f"member {i}") for i in documents["owners"])
        return [
            f"Final say: {FINAL_SAY_RULES.get(documents['final_say'], '')}.",
            f"Owners: {owners or 'not named yet'}.",
        ]
    if key == "people":
        named = content.get("named_parties") or []
        if named:
            names = ", ".join(labels.get(int(i), f"member {i}") for i in named)
            return [f"Also named as parties who sign: {names}."]
    return []


def section_text(key: str, content: dict[str, Any], labels: dict[int, str]) -> str:
    text = (content.get("sections") or {}).get(key, "")
    lines = structured_lines(key, content, labels)
    return "\n".join([text, *lines]) if lines else text


def word_diff(old: str, new: str) -> list[Part]:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    parts: list[Part] = []

    def emit(op: str, tokens: list[str]) -> None:
        run: list[str] = []
        for word in tokens:
            if word == "\n":
                if run:
                    parts.append(Part(op, " ".join(run)))
                    run = []
                if op != "removed":
                    parts.append(Part("break", ""))
            else:
                run.append(word)
        if run:
            parts.append(Part(op, " ".join(run)))

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            emit("same", a[i1:i2])
        else:
            emit("removed", a[i1:i2])
            emit("added", b[j1:j2])
    return parts


def version_diff(
    old: dict[str, Any], new: dict[str, Any], labels: dict[int, str]
) -> list[SectionDiff]:
    out = []
    for section in SECTIONS:
        before = section_text(section.key, old, labels)
        after = section_text(section.key, new, labels)
        out.append(
            SectionDiff(
                key=section.key,
                title=section.title,
                changed=before != after,
                parts=tuple(word_diff(before, after)),
            )
        )
    return out
