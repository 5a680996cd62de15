"""Text cleaning at one place (core/text.py): NUL and lone surrogates refused in plain English,
control characters out, one-line fields kept to one line. Integers bounded at the API."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.record import helpers as h
from workings.accounts.services import token_create
from workings.core.exceptions import ValidationFailed
from workings.core.text import (
    check_plain_text,
    clean_line,
    clean_lines,
    optional_text,
    quoted,
    required_text,
)


@pytest.mark.parametrize("bad", ["nul\x00byte", "half \ud800 emoji", "\udfff"])
def test_nul_and_surrogates_are_refused_in_plain_english(bad: str) -> None:
    with pytest.raises(ValidationFailed, match="Please type it again") as caught:
        check_plain_text(bad, field="title", label="Title", max_length=200)
    assert caught.value.field == "title"
    assert caught.value.message.startswith("Title contains")


def test_one_line_fields_lose_line_breaks_and_controls() -> None:
    assert clean_line("Subject\r\nBcc: x@example.org\t\x07end\u2028") == (
        "Subject Bcc: x@example.org end"
    )
    assert check_plain_text("a\nb", field="t", label="T", max_length=200) == "a b"
    assert check_plain_text("a\r\nb\x1b", field="t", label="T", max_length=5000) == "a\nb"
    assert clean_lines("one\rtwo\u2029three\x00") == "one\ntwo\n\nthree"


def test_quoted_input_is_short_and_safe() -> None:
    assert quoted("x" * 1000).endswith("…”") and len(quoted("x" * 1000)) == 62
    assert "\ud800" not in quoted("a\ud800b")


@pytest.mark.django_db
def test_a_newline_in_a_feedback_title_or_concern_subject_is_kept_to_one_line(world: Any) -> None:
    from tests.concerns import helpers as ch

    item = h.feedback(world, title="Measure\r\nBcc: everyone@example.org")
    assert item.title == "Measure Bcc: everyone@example.org"
    concern = ch.raise_open(world, subject="Late\npayments")
    assert concern.subject == "Late payments"
    with pytest.raises(ValidationFailed, match="null"):
        h.feedback(world, text="nul\x00byte")


def _api(world: Any, role: str = "lead") -> Any:
    from django.test import Client

    _, raw = token_create(actor=world.users[role], name="tests")
    client = Client()

    def send(path: str, body: Any) -> Any:
        return client.post(
            "/api/v1" + path,
            json.dumps(body),
            content_type="application/json",
            headers={"authorization": f"Bearer {raw}"},
        )

    return send


@pytest.mark.django_db
def test_the_api_refuses_surrogates_nul_and_huge_ids_in_plain_english(world: Any) -> None:
    send = _api(world)
    base = f"/projects/{world.project.slug}/record"
    meeting = {
        "occurred_on": str(h.yesterday()),
        "activity": "meeting",
        "title": "Steering group",
        "summary": "Notes.",
        "hours": "1",
        "participants": [2**70],
    }
    response = send(base + "/meetings", meeting)
    assert response.status_code == 422
    assert "too large" in response.json()["detail"]
    response = send(base + "/feedback", {"area": "recruitment", "title": "\ud800", "text": "x"})
    assert response.status_code == 422
    assert "broken character" in response.json()["detail"]
    response = send(base + "/feedback", {"area": "recruitment", "title": "T", "text": "a\x00"})
    assert response.status_code == 422 and "null" in response.json()["detail"]
    response = send(
        base + f"/feedback/{2**70}/answer", {"outcome": "x", "what_done": "y", "why": "z"}
    )
    assert response.status_code == 404
    assert "could not find" in response.json()["detail"]
    response = _api(world, "contributor")(
        f"/projects/{world.project.slug}/concerns",
        {"mode": "open", "subject": "A\ud800", "what_happened": "x", "outcome_wanted": "y"},
    )
    assert response.status_code == 422 and "broken character" in response.json()["detail"]


@pytest.mark.parametrize("empty", [None, "", "   ", "\t\n", "\x01"])
def test_required_text_refuses_an_empty_answer_naming_the_field(empty: Any) -> None:
    with pytest.raises(ValidationFailed, match="^Title cannot be empty.$") as caught:
        required_text(empty, field="title", label="Title", max_length=200)
    assert caught.value.field == "title"
    assert optional_text(empty, field="title", label="Title", max_length=200) == ""


def test_required_and_optional_text_clean_like_every_other_field() -> None:
    assert required_text("  Two\nlines ", field="t", label="Title", max_length=200) == "Two lines"
    assert optional_text(42, field="t", label="Hours", max_length=200) == "42"
    with pytest.raises(ValidationFailed, match="limit is 5"):
        required_text("toolong", field="t", label="Title", max_length=5)


def test_markdown_headings_nest_under_the_page_s_own() -> None:
    from workings.core.text import render_markdown

    html = render_markdown("# Title\n\n## Aim\n\nWe want.\n\n### Detail\n\n<h1>x</h1>")
    assert "<h3>Aim</h3>" in html and "<h4>Detail</h4>" in html
    assert "<h1>" not in html and "<h2>" not in html and "Title" in html
