"""Reading the error summary at the top of a form page (the GOV.UK pattern): each problem
is a link to the field it is about."""

from __future__ import annotations

import html
import re


def summary_links(page: str) -> dict[str, str]:
    """{"#field_id": "message"} for every linked problem in the page's error summary."""
    assert 'class="error-summary"' in page, "no error summary on the page"
    summary = page.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    return {
        href: html.unescape(text).strip()
        for href, text in re.findall(r'<a href="(#[^"]+)">(.*?)</a>', summary, re.S)
    }


def assert_linked(page: str, field_id: str, words: str) -> None:
    links = summary_links(page)
    href = f"#{field_id}"
    assert href in links, f"{href} not linked from the summary: {links}"
    assert words in links[href], f"{words!r} not in {links[href]!r}"
