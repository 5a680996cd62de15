"""A plain-English readability figure per section: Flesch reading ease.

Words and sentences are counted with textstat. Syllables are counted with pyphen (textstat's
own fallback), because textstat's English syllable counter wants the NLTK CMU dictionary and
tries to download it on first use: a server must not fetch data while rendering a page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen
import textstat

MIN_WORDS = 12  # below this the figure says more about the formula than the writing
HINT_BELOW = 50


@dataclass(frozen=True)
class Readability:
    score: float
    band: str
    hint: str


_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def syllables(text: str) -> int:
    dic = _hyphenator()
    return sum(len(dic.positions(w.lower())) + 1 for w in _WORD.findall(text))


def flesch_reading_ease(text: str) -> float:
    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    if not words:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables(text) / words)


def readability(text: str) -> Readability | None:
    if len(text.split()) < MIN_WORDS:
        return None
    score = round(max(0.0, min(100.0, flesch_reading_ease(text))), 1)
    if score >= 70:
        band = "easy to read"
    elif score >= 60:
        band = "plain English"
    elif score >= HINT_BELOW:
        band = "fairly hard to read"
    elif score >= 30:
        band = "hard to read"
    else:
        band = "very hard to read"
    hint = (
        "Some readers may find this section hard going. Shorter sentences and everyday "
        "words usually help."
        if score < HINT_BELOW
        else ""
    )
    return Readability(score=score, band=band, hint=hint)
