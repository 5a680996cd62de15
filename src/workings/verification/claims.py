"""Turning a text into claims: one claim per sentence, headings and list marks dropped.

Plain rules, so a reviewer can predict them and fix the rest by hand before sending: a
sentence ends at ".", "!" or "?" followed by a space and a capital letter, a digit or an
opening quote; a blank line or a list item always ends one. Common abbreviations ("e.g.",
"Dr.") do not end a sentence."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+.*$", re.M)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9“\"‘(])")
_ABBREVIATIONS = ("e.g.", "i.e.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "etc.", "St.", "No.")
_KEEP = "\u0000"


def split_claims(text: str) -> list[str]:
    text = _HEADING.sub("", text or "")
    claims: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)", text):
        block = _BULLET.sub("", block).strip()
        if not block:
            continue
        block = " ".join(block.split())
        for abbreviation in _ABBREVIATIONS:
            block = block.replace(abbreviation + " ", abbreviation + _KEEP)
        for sentence in _END.split(block):
            sentence = sentence.replace(_KEEP, " ").strip()
            if sentence:
                claims.append(sentence)
    return claims


def claims_from_lines(text: str) -> list[str]:
    """A reviewer's edited list: one claim per line, blank lines ignored."""
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]
