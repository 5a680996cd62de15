"""Every page of the demo on a 375 px phone, as each audience (issue 16): nothing scrolls
sideways (the document is no wider than the window), and the record's technical words
(ledger, checkpoint, Merkle, sealed, ...) appear only where technical checkers are served:
inside a section marked ``data-technical``, in code, in a link to the glossary, on a page
that links the word to its glossary entry (a page about GRIPP2, say), or on the glossary
page itself. The crawl walks same-origin links breadth-first, one page per URL
pattern, as tests/browser/test_axe_crawl.py does (and skips the same downloads)."""

from __future__ import annotations

import re
import warnings
from collections import deque
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.harness import screenshot
from tests.browser.test_axe_crawl import _links, url_pattern

pytestmark = [pytest.mark.browser, pytest.mark.crawl]

PHONE = {"viewport": {"width": 375, "height": 800}}
AUDIENCES = ["anon", "contributor", "lead", "funder"]
START = ["/", "/projects/stride/"]
MAX_PAGES = 90
JARGON = re.compile(
    r"\b(ledger|checkpoints?|merkle|sha-256|sealed|content commitments?|witness(?:ed|es)?|"
    r"jsonl|gripp ?2|root hash)\b",
    re.I,
)
# Each word's entry in the glossary (src/workings/core/glossary.py).
GLOSSARY_ID = {
    "ledger": "ledger",
    "checkpoint": "checkpoint",
    "checkpoints": "checkpoint",
    "merkle": "merkle-tree",
    "root hash": "merkle-tree",
    "sha-256": "fingerprint",
    "sealed": "sealed",
    "content commitment": "commitment",
    "content commitments": "commitment",
    "witness": "witness",
    "witnessed": "witness",
    "witnesses": "witness",
    "jsonl": "export",
    "gripp2": "gripp2",
    "gripp 2": "gripp2",
}
# The text a person reads: without code, technical sections, links to the glossary (the
# word is explained one click away) and what is hidden.
READABLE_TEXT = """() => {
  const main = document.querySelector("main");
  if (!main) return "";
  const copy = main.cloneNode(true);
  copy.querySelectorAll("[data-technical], pre, code, a[href*='/glossary/'], [hidden], "
    + "script, template, .visually-hidden").forEach(e => e.remove());
  return copy.innerText || copy.textContent;
}"""
# Pages whose words belong to another part of issue 16 or another app, reported and left
# for their owners: a warning, not a failure. (pattern, word) pairs. Remove when fixed.
KNOWN_JARGON: set[tuple[str, str]] = {
    # The annex's own figures ("Sealed entries not shown to this audience") are part of the
    # report's format, its golden files and its tests (reports/sections/tombstones.py).
    ("/projects/stride/reports/annex/public/", "sealed"),
    ("/projects/stride/reports/annex/funder/", "sealed"),
    ("/projects/stride/reports/annex/team/", "sealed"),
}


def sideways(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_page_fits_a_phone_in_plain_words(
    audience: str, demo_site: Any, page_as: Any, new_context: Any
) -> None:
    if audience == "anon":
        page = new_context(**PHONE).new_page()
    else:
        page = page_as(audience, **PHONE)
    origin = demo_site.base_url
    seen: set[str] = set()
    queue: deque[str] = deque(START)
    wide: list[str] = []
    jargon: list[str] = []
    visited = 0
    while queue and visited < MAX_PAGES:
        path = queue.popleft()
        key = url_pattern(path.split("?")[0]) + ("?" if "?" in path else "")
        if key in seen:
            continue
        seen.add(key)
        try:
            response = page.goto(origin + path)
        except Exception as error:  # a download starting: not a page
            if "Download is starting" in str(error):
                continue
            raise
        if response is None or response.status >= 400:
            continue
        if not (response.headers.get("content-type") or "").startswith("text/html"):
            continue
        visited += 1
        final = urlsplit(page.url).path
        pattern = url_pattern(final)
        over = sideways(page)
        if over > 0:
            wide.append(f"{final} is {over}px too wide")
            screenshot(page, f"phone-wide{pattern.replace('/', '_')}-{audience}")
        if not final.startswith("/glossary/"):
            words = sorted({m.lower() for m in JARGON.findall(page.evaluate(READABLE_TEXT))})
            explained = set(
                page.eval_on_selector_all(
                    "a[href*='/glossary/#']", "els => els.map(e => e.hash.slice(1))"
                )
            )
            for word in words:
                if GLOSSARY_ID.get(word) in explained:
                    continue
                if (pattern, word) in KNOWN_JARGON:
                    warnings.warn(f"known: {final} says {word!r} as {audience}", stacklevel=1)
                else:
                    jargon.append(f"{final}: {word!r}")
        queue.extend(_links(page, origin))
    print(f"{audience}: {visited} pages at 375 px")
    assert visited >= 5
    problems = [f"sideways scrolling as {audience}: {w}" for w in wide]
    problems += [f"technical word outside a technical section as {audience}: {j}" for j in jargon]
    assert not problems, "\n".join(problems)
