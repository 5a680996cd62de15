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


# --- Detailed figures (the documents' editor view uses these too) ---------------------

LONG_WORD_SYLLABLES = 3
# "was changed", "were asked", "is being done", "has been given": a form of "to be" and a
# past participle. A rough test, as any without a grammar parser; enough to prompt a writer.
_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?"
    r"\w*(?:ed|given|taken|done|made|seen|known|shown|written|chosen|told|found|held|"
    r"kept|paid|sent|brought|left|met|run|set|put)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figures:
    words: int
    sentences: int
    reading_ease: float  # Flesch: 0-100, higher is easier; about 60-70 is plain English
    grade: float  # Flesch-Kincaid grade; reading age is about grade + 5
    sentence_length: float  # words per sentence
    long_word_share: float  # share of words of three syllables or more, 0-1
    passive: int  # phrases that look passive

    @property
    def reading_age(self) -> int:
        return max(5, round(self.grade + 5))


def figures(text: str) -> Figures | None:
    """Every figure for a piece of text, or None when it is too short to judge."""
    found = _WORD.findall(text)
    if len(found) < MIN_WORDS:
        return None
    words = len(found)
    sentences = max(1, textstat.sentence_count(text))
    dic = _hyphenator()
    counts = [len(dic.positions(w.lower())) + 1 for w in found]
    per_sentence = words / sentences
    per_word = sum(counts) / words
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return Figures(
        words=words,
        sentences=sentences,
        reading_ease=round(max(0.0, min(100.0, ease)), 1),
        grade=round(max(0.0, grade), 1),
        sentence_length=round(per_sentence, 1),
        long_word_share=round(sum(c >= LONG_WORD_SYLLABLES for c in counts) / words, 2),
        passive=len(_PASSIVE.findall(text)),
    )
