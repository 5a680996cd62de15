"""Readability help for the people writing a document (never shown to its readers): the
shared figures (agreements/readability.py) for each paragraph, and the research jargon it
uses, each term with a plain alternative from jargon.csv (data, so anyone can add a term).
NIHR asks plain-English summaries to suit a reading age of about 12."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workings.agreements.readability import Figures, figures

TARGET_READING_AGE = 12
JARGON_FILE = Path(__file__).with_name("jargon.csv")


@dataclass(frozen=True)
class Jargon:
    term: str
    plain: str


@dataclass(frozen=True)
class Paragraph:
    number: int
    opening: str  # its first words, so a reader can find it
    figures: Figures | None
    jargon: tuple[Jargon, ...]

    @property
    def above_target(self) -> bool:
        return self.figures is not None and self.figures.reading_age > TARGET_READING_AGE


@lru_cache(maxsize=1)
def jargon_list() -> tuple[Jargon, ...]:
    with JARGON_FILE.open(newline="", encoding="utf-8") as f:
        rows = [Jargon(r["term"].strip(), r["plain"].strip()) for r in csv.DictReader(f)]
    # Longest first, so "randomised controlled trial" is found before "randomised".
    return tuple(sorted(rows, key=lambda j: -len(j.term)))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    terms = "|".join(re.escape(j.term) for j in jargon_list())
    return re.compile(rf"(?<![\w-])(?:{terms})(?![\w-])", re.IGNORECASE)


def jargon_in(text: str) -> tuple[Jargon, ...]:
    by_term = {j.term.casefold(): j for j in jargon_list()}
    seen: dict[str, Jargon] = {}
    for match in _pattern().finditer(text):
        found = by_term.get(match.group(0).casefold())
        if found is not None:
            seen.setdefault(found.term.casefold(), found)
    return tuple(seen.values())


def paragraphs(text: str) -> list[Paragraph]:
    out = []
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    for n, block in enumerate(blocks, start=1):
        if block.startswith("#") and "\n" not in block:
            continue  # a heading
        words = block.lstrip("#").split()
        out.append(
            Paragraph(
                number=n,
                opening=" ".join(words[:8]) + ("…" if len(words) > 8 else ""),
                figures=figures(block),
                jargon=jargon_in(block),
            )
        )
    return out


def whole(text: str) -> Figures | None:
    return figures(text)
