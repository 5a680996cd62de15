"""axe-core on every kind of page of the demo, for the visitor and for every role.

Each role crawls same-origin links breadth-first from / and /projects/stride/, visiting one
page per URL pattern (numeric segments and long tokens become placeholders), at most
MAX_PAGES pages. It never follows sign-out, downloads or forms; the roles in SHALLOW stop at
the top-level pages (the start pages and the pages they link to). On each page: no axe
violation (WCAG 2.0/2.1/2.2 A and AA), exactly one h1, a skip link to the main content.
A summary (pages per role, seconds) is written to $ARTIFACTS/crawl-<role>.json.
"""

from __future__ import annotations

import json
import re
import time
import warnings
from collections import deque
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # no Playwright: the fixtures skip (or fail under CI) before this matters
    PlaywrightError = Exception  # type: ignore[assignment,misc]

from tests.browser.harness import artifacts_dir, axe_check, format_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.crawl]

ROLES = ["anon", "lead", "researcher", "contributor", "funder", "observer", "other_lead"]
# To keep the crawl within a few minutes on two cores, these roles crawl the top-level
# pages only (the start pages and what they link to); the others go as deep as there is.
SHALLOW = {"researcher", "funder", "observer"}
START = ["/", "/projects/stride/"]
MAX_PAGES = 80
DOWNLOAD = re.compile(
    r"(\.(pdf|csv|json|md|txt|zip|png|jpg|svg|jsonl|sig)$)|/export/|/pdf/$|/download/", re.I
)
DOWNLOAD_QUERY = re.compile(r"(^|&)(format|download)=", re.I)
NEVER = re.compile(r"^/accounts/logout/|^/static/|^/media/")
_SHOT: set[str] = set()  # page types already photographed in this run
# Links another app shows to people it then refuses, reported to its owner: a warning here,
# not a failure, until fixed. Remove the entry when it is. (role, url pattern)
# Links the site shows but refuses for a role (none: every tab follows the policy).
KNOWN_REFUSED_LINKS: set[tuple[str, str]] = set()


def url_pattern(path: str) -> str:
    """/projects/stride/members/12/role/ -> /projects/stride/members/<n>/role/."""
    parts = []
    for segment in path.split("/"):
        if segment.isdigit():
            parts.append("<n>")
        elif len(segment) >= 20 or re.fullmatch(r"[0-9a-f]{8,}(-[0-9a-f]{4,})*", segment):
            parts.append("<token>")
        else:
            parts.append(segment)
    return "/".join(parts)


def _links(page: Any, origin: str) -> list[str]:
    found = page.eval_on_selector_all(
        "a[href]", "els => els.map(e => [e.href, e.hasAttribute('download')])"
    )
    out = []
    for href, download in found:
        url, _ = urldefrag(href)
        parts = urlsplit(url)
        if download or f"{parts.scheme}://{parts.netloc}" != origin:
            continue
        if NEVER.search(parts.path) or DOWNLOAD.search(parts.path):
            continue
        if DOWNLOAD_QUERY.search(parts.query):
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def _check_page(page: Any, label: str) -> list[str]:
    problems = []
    h1 = page.locator("h1").count()
    if h1 != 1:
        problems.append(f"{label}: {h1} h1 elements (want exactly one)")
    # A skip link is needed where there is a site header to skip (not on a bare print view).
    if page.locator("header, nav").count():
        skip = page.locator("a.skip-link[href='#main'], a[href='#main']").count()
        if not skip or not page.locator("#main").count():
            problems.append(f"{label}: no skip link to #main")
    violations = axe_check(page, label)
    if violations:
        problems.append(format_violations(violations, label))
    return problems


@pytest.mark.parametrize("role", ROLES)
def test_every_page_type_passes_axe(role: str, demo_site: Any, page_as: Any, anon_page: Any):
    page = anon_page if role == "anon" else page_as(role)
    origin = demo_site.base_url
    started = time.monotonic()
    seen_patterns: set[str] = set()
    queue: deque[tuple[str, int]] = deque((path, 0) for path in START)
    max_depth = 1 if role in SHALLOW else 1_000
    visited: list[dict[str, Any]] = []
    problems: list[str] = []
    while queue and len(visited) < MAX_PAGES:
        path, depth = queue.popleft()
        key = url_pattern(path.split("?")[0]) + ("?" if "?" in path else "")
        if key in seen_patterns:
            continue
        seen_patterns.add(key)
        try:
            response = page.goto(origin + path)
        except PlaywrightError as error:
            if "Download is starting" not in str(error):
                raise
            visited.append({"path": path, "status": 200, "kind": "download"})
            continue
        status = response.status if response else 0
        final = urlsplit(page.url).path
        visited.append({"path": path, "status": status, "final": final})
        label = f"{path} as {role}"
        if status >= 400:
            # A link the site shows must work for the person it is shown to.
            if (role, url_pattern(path)) in KNOWN_REFUSED_LINKS:
                warnings.warn(f"known: {label}: HTTP {status}", stacklevel=1)
            else:
                problems.append(f"{label}: HTTP {status}")
            continue
        if response is not None and not (response.headers.get("content-type") or "").startswith(
            "text/html"
        ):
            visited[-1]["kind"] = "not a page"
            continue
        if final != path.split("?")[0]:
            # A redirect (to sign-in, say): check the page we landed on under its own pattern.
            landed = url_pattern(final)
            if landed in seen_patterns:
                continue
            seen_patterns.add(landed)
        problems += _check_page(page, label)
        shot = url_pattern(final)
        if shot not in _SHOT:
            _SHOT.add(shot)
            screenshot(page, f"crawl{shot.replace('/', '_') or '_home'}-{role}")
        if depth < max_depth:
            queue.extend((link, depth + 1) for link in _links(page, origin))
    seconds = round(time.monotonic() - started, 1)
    pages = sum(1 for v in visited if "kind" not in v)
    summary = {"role": role, "pages": pages, "seconds": seconds, "visited": visited}
    (artifacts_dir().parent / f"crawl-{role}.json").write_text(json.dumps(summary, indent=2))
    print(f"crawl {role}: {pages} pages in {seconds}s")
    assert len(visited) >= 2
    assert not problems, "\n\n".join(problems)
