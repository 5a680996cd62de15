"""Text written by people: Markdown rendered and sanitised (nh3), and the one check every
piece of text goes through on its way in (forms, the API and the command line alike):

- a NUL byte or a lone surrogate (half of an emoji, broken encoding) is refused with a clear
  message: no database stores it faithfully, and PostgreSQL refuses it outright;
- control characters are taken out; in a one-line field (a title, subject or name) line
  breaks and tabs become spaces too, so no one can break an e-mail header or a CSV row;
- HTML is refused instead of silently stripped (people should see what was kept)."""

from __future__ import annotations

import re
from typing import Any

import markdown
import nh3
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

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
    "h5",
    "h6",
}
# Markdown headings in people's text sit one level below where they are written ("## Aim"
# becomes an h3), so a plain-English summary's NIHR headings (Aim, Background...) nest under
# the page's own h2 and screen-reader users can move between them; an h1 or h2 written in a
# text never competes with the page's own headings (it is kept as plain text).
_HEADING = re.compile(r"<(/?)h([1-6])>")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_REFUSED = re.compile("[\x00\ud800-\udfff]")
# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
_BREAKS_AND_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_CONTROLS_BUT_TAB_AND_NEWLINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A field this short is a title, subject or name: it is kept to one line.
SINGLE_LINE_MAX = 300


def text_problem(text: str) -> str | None:
    """Why this text cannot be stored (a NUL byte or a lone surrogate), or None."""
    found = _REFUSED.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return _("contains an invisible “null” character. Please type it again.")
    return _("contains a broken character (half of an emoji or symbol). Please type it again.")


def refuse_unstorable(text: str, *, field: str, label: str) -> None:
    problem = text_problem(text)
    if problem is not None:
        raise ValidationFailed(
            _("%(label)s %(problem)s") % {"label": label, "problem": problem}, field=field
        )


def clean_line(text: str) -> str:
    """One line: line breaks, tabs and control characters become a single space."""
    return _BREAKS_AND_CONTROLS.sub(" ", text).strip()


def clean_lines(text: str) -> str:
    """Several lines: Windows and old Mac line ends become a newline, other controls go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _CONTROLS_BUT_TAB_AND_NEWLINE.sub("", text).strip()


def quoted(value: object, limit: int = 60) -> str:
    """Someone's input, shortened and on one line, to quote back in an error message."""
    text = clean_line(_REFUSED.sub("\ufffd", str(value)))
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def render_markdown(text: str) -> SafeString:
    html = _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}>", markdown.markdown(text))
    clean = nh3.clean(
        html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel="nofollow noopener"
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def check_plain_text(
    text: str, *, field: str, label: str, max_length: int, single_line: bool | None = None
) -> str:
    """Return the cleaned text, or raise a plain-English error naming the field.

    single_line: keep to one line; by default, fields of up to SINGLE_LINE_MAX characters."""
    text = text or ""
    refuse_unstorable(text, field=field, label=label)
    if single_line is None:
        single_line = max_length <= SINGLE_LINE_MAX
    text = clean_line(text) if single_line else clean_lines(text)
    if _TAG.search(text):
        raise ValidationFailed(
            _(
                "%(label)s: please write plain text (Markdown is fine). HTML tags such as "
                "<script> or <b> are not allowed."
            )
            % {"label": label},
            field=field,
        )
    if len(text) > max_length:
        raise ValidationFailed(
            _("%(label)s is %(length)s characters long; the limit is %(limit)s.")
            % {
                "label": label,
                "length": number_format(len(text), force_grouping=True),
                "limit": number_format(max_length, force_grouping=True),
            },
            field=field,
        )
    return text


def optional_text(value: Any, *, field: str, label: str, max_length: int) -> str:
    """check_plain_text for a value that may be missing (None counts as empty)."""
    return check_plain_text(str(value or ""), field=field, label=label, max_length=max_length)


def required_text(value: Any, *, field: str, label: str, max_length: int) -> str:
    """optional_text, refusing an empty answer (spaces and controls alone count as empty)."""
    text = optional_text(value, field=field, label=label, max_length=max_length)
    if not text:
        raise ValidationFailed(_("%(label)s cannot be empty.") % {"label": label}, field=field)
    return text
