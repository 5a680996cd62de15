"""Text written by people: Markdown rendered and sanitised (nh3), and a plain check that
refuses HTML instead of silently stripping it (people should see what was kept)."""

from __future__ import annotations

import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

from workings.core.exceptions import ValidationFailed

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "h3",
    "h4",
}
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def render_markdown(text: str) -> SafeString:
    html = markdown.markdown(text)
    clean = nh3.clean(
        html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel="nofollow noopener"
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def check_plain_text(text: str, *, field: str, label: str, max_length: int) -> str:
    """Return the stripped text, or raise a plain-English error naming the field."""
    text = (text or "").strip()
    if _TAG.search(text):
        raise ValidationFailed(
            f"{label}: please write plain text (Markdown is fine). HTML tags such as "
            "<script> or <b> are not allowed.",
            field=field,
        )
    if len(text) > max_length:
        raise ValidationFailed(
            f"{label} is {len(text):,} characters long; the limit is {max_length:,}.",
            field=field,
        )
    return text
