"""Every word a template shows is marked for translation, and the committed catalogue
(src/workings/locale/) holds every marked string: the checks behind
docs/decisions/translation.md. Refresh the catalogue with `make messages`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.base import Lexer, Token, TokenType

SRC = Path(__file__).resolve().parents[2] / "src" / "workings"
CATALOGUE_LANGUAGE = "cy"
CATALOGUE = SRC / "locale" / CATALOGUE_LANGUAGE / "LC_MESSAGES" / "django.po"

# Attributes a reader sees or hears; every other attribute is markup.
SHOWN_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description"}
# Text that is the same in every language. Keep this short: a word belongs here only when a
# translator must never change it.
ALLOWED_TEXT = {
    "Workings",  # the product's name
}
URL = re.compile(r"^(https?://|mailto:)\S+$")
# A filter argument or tag argument written as a bare string with letters in it, e.g.
# {{ x|default:"none" }}; _("none") is marked and passes.
BARE_LITERAL = re.compile(r"""(?<![_\w(])(["'])([^"']*[A-Za-z][^"']*)\1""")
HOLE = "\x00"
# Holes are padded so a tag written inside an HTML tag (<fieldset{% if %} …>) keeps it whole.
PADDED_HOLE = " " + HOLE + " "


def template_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("templates/**/*") if p.is_file())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name in SHOWN_ATTRIBUTES and value:
                self._note(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in SHOWN_ATTRIBUTES and value:
                self._note(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._note(data)

    def _note(self, text: str) -> None:
        for piece in text.split(HOLE):
            piece = " ".join(piece.split())
            if not any(c.isalpha() for c in piece):
                continue
            if piece in ALLOWED_TEXT or URL.match(piece):
                continue
            self.found.append((self.getpos()[0], piece))


def _tag_name(token_contents: str) -> str:
    return token_contents.split(" ", 1)[0] if token_contents else ""


def unmarked_text(source: str) -> list[tuple[int, str]]:
    """(line, text) for each piece of text a reader would see that is not marked."""
    out: list[str] = []
    problems: list[tuple[int, str]] = []
    in_block = None  # "blocktranslate" or "comment" while inside one
    for token in Lexer(source).tokenize():
        raw = token.token_type
        contents = token.contents
        # Keep the line count, so the HTML parser's line numbers are the template's.
        hole = PADDED_HOLE + "\n" * _token_newlines(token)
        if in_block:
            if raw == TokenType.BLOCK and _tag_name(contents) == f"end{in_block}":
                in_block = None
            out.append(hole)
            continue
        if raw == TokenType.TEXT:
            out.append(contents)
            continue
        if raw == TokenType.BLOCK:
            name = _tag_name(contents)
            if name in {"blocktranslate", "blocktrans", "comment"}:
                in_block = "comment" if name == "comment" else name
                # Its `with` values are variables: a bare string there is shown unmarked.
                problems += [
                    (token.lineno, m[2])
                    for m in BARE_LITERAL.finditer(contents)
                    if name != "comment" and _shown_filter_literal(contents, m)
                ]
            elif name not in {"translate", "trans"}:
                problems += [
                    (token.lineno, m[2])
                    for m in BARE_LITERAL.finditer(contents)
                    if _shown_literal(name)
                ]
        elif raw == TokenType.VAR:
            problems += [
                (token.lineno, m[2])
                for m in BARE_LITERAL.finditer(contents)
                if _shown_filter_literal(contents, m)
            ]
        out.append(hole)
    parser = _Text()
    parser.feed("".join(out))
    parser.close()
    return sorted(problems + parser.found)


def _token_newlines(token: Token) -> int:
    # A tag's contents rarely span lines, but a comment's or blocktranslate body's text
    # does, and its lines must still count.
    return token.contents.count("\n")


# Tags whose string arguments are names or values compared, not prose: template paths, URL
# names, static paths, `{% if role == "lead" %}`.
_NAME_TAGS = {
    "extends",
    "include",
    "url",
    "static",
    "load",
    "block",
    "now",
    "cycle",
    "with",
    "if",
    "elif",
    "else",
    "for",
    "empty",
    "regroup",
    "ifchanged",
    "spaceless",
    "csrf_token",
    "autoescape",
    "get_current_language",
    "field_widget",
    "project_nav",
}


def _shown_literal(tag: str) -> bool:
    return not (tag in _NAME_TAGS or tag.startswith("end"))


# Filters whose string argument is shown as it is written.
_SHOWN_ARGUMENT_FILTERS = {"default", "default_if_none", "yesno", "pluralize"}


def _shown_filter_literal(contents: str, match: re.Match[str]) -> bool:
    filt = re.search(r"\|(\w+):$", contents[: match.start()])
    if filt is None:
        # A literal as the variable itself ({{ "Hello" }}) or a `with` value is shown; a
        # blocktranslate's `context "..."` is not.
        return not contents[: match.start()].rstrip().endswith("context")
    return filt[1] in _SHOWN_ARGUMENT_FILTERS


@pytest.mark.parametrize("path", template_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_template_text_is_marked(path: Path) -> None:
    found = unmarked_text(path.read_text())
    assert not found, (
        f"{path.relative_to(SRC)} shows text not marked for translation: wrap it in "
        "{% translate %} or {% blocktranslate %} (load i18n):\n"
        + "\n".join(f"  line {line}: {text!r}" for line, text in found)
    )


def _msgids(po: Path) -> set[tuple[str, str, str]]:
    """(context, msgid, plural) of every live entry of a catalogue, header left out."""
    entries: set[tuple[str, str, str]] = set()
    fields: dict[str, str] = {}
    key = ""

    def close() -> None:
        if fields.get("msgid"):
            entries.add(
                (fields.get("msgctxt", ""), fields["msgid"], fields.get("msgid_plural", ""))
            )
        fields.clear()

    for line in po.read_text(encoding="utf-8").splitlines():
        if line.startswith("#~") or (line.startswith("#") and not line.startswith("#,")):
            continue
        match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
        if match:
            if match[1] in {"msgctxt", "msgid"} and "msgstr" in key:
                close()
            key = match[1]
            fields[key] = match[2]
        elif line.startswith('"') and key:
            fields[key] = fields.get(key, "") + line[1:-1]
    close()
    return entries


def test_catalogue_matches_the_marked_strings(tmp_path: Path) -> None:
    if shutil.which("xgettext") is None:
        pytest.fail("gettext is not installed: run scripts/ensure-gettext.sh")
    copy = tmp_path / "workings"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            CATALOGUE_LANGUAGE,
            "--no-location",
            "--no-obsolete",
            "--no-wrap",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "workings.settings", "WORKINGS_TESTING": "1"},
    )
    fresh = _msgids(copy / "locale" / CATALOGUE_LANGUAGE / "LC_MESSAGES" / "django.po")
    committed = _msgids(CATALOGUE)
    missing, stale = sorted(fresh - committed), sorted(committed - fresh)
    assert not missing and not stale, (
        "The translation catalogue is out of date: run `make messages` and commit "
        f"{CATALOGUE.relative_to(SRC.parents[1])}.\n"
        + "".join(f"  not in the catalogue: {m[1]!r}\n" for m in missing[:20])
        + "".join(f"  no longer marked: {m[1]!r}\n" for m in stale[:20])
    )


def test_catalogue_compiles() -> None:
    if shutil.which("msgfmt") is None:
        pytest.fail("gettext is not installed: run scripts/ensure-gettext.sh")
    subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(CATALOGUE)], check=True, capture_output=True
    )
