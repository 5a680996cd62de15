"""Word-level diff between two versions, fast enough for two 10,000-word texts.

difflib on 10,000 word tokens is slow (seconds): every common word ("the", "and") matches
hundreds of places. So we diff in two steps, as line-based tools do: first whole sentences
(almost all different from each other, so matching them is cheap), then, inside each run
of sentences that changed, their words. The output has the same shape as the agreements'
word diff (`Part`: same / added / removed / break), so pages show both alike.
bench/documents.py measures it (target: under 200 ms for two 10,000-word versions)."""

from __future__ import annotations

import difflib
import re

from workings.agreements.diff import Part

_TOKENS = re.compile(r"\n|[^\s]+")
_SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*$")


def _sentences(tokens: list[str]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    for word in tokens:
        run.append(word)
        if word == "\n" or _SENTENCE_END.search(word):
            out.append(tuple(run))
            run = []
    if run:
        out.append(tuple(run))
    return out


# While diffing, a part is [op, words]; neighbouring runs of the same kind are merged into
# one (joined once at the end: joining as we go would copy long runs again and again).
_Open = list  # [op: str, words: list[str]]


def _emit(parts: list[_Open], op: str, tokens: list[str]) -> None:
    for word in tokens:
        if word == "\n":
            if op != "removed":
                parts.append(["break", []])
            continue
        if parts and parts[-1][0] == op:
            parts[-1][1].append(word)
        else:
            parts.append([op, [word]])


def word_diff(old: str, new: str) -> list[Part]:
    a, b = _sentences(_TOKENS.findall(old)), _sentences(_TOKENS.findall(new))
    parts: list[_Open] = []
    outer = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in outer.get_opcodes():
        if tag == "equal":
            _emit(parts, "same", [t for s in a[i1:i2] for t in s])
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            # As many sentences changed as were there: each was edited in place.
            for sa, sb in zip(a[i1:i2], b[j1:j2], strict=True):
                _words(parts, list(sa), list(sb))
        else:
            _words(parts, [t for s in a[i1:i2] for t in s], [t for s in b[j1:j2] for t in s])
    return [Part(op, " ".join(words)) for op, words in parts]


def _words(parts: list[_Open], wa: list[str], wb: list[str]) -> None:
    inner = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    for tag, k1, k2, m1, m2 in inner.get_opcodes():
        if tag == "equal":
            _emit(parts, "same", wa[k1:k2])
        else:
            _emit(parts, "removed", wa[k1:k2])
            _emit(parts, "added", wb[m1:m2])
