"""Hypothesis fuzzing of the Markdown sanitiser and upload sniffing (issue 18): the sanitiser
never lets markup through that could run, and sniffing answers for any bytes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=150, deadline=None, derandomize=True)

DANGEROUS = ("<script", "javascript:", "onerror=", "onload=", "<iframe", "<object", "<style")
markdown_like = st.one_of(
    st.text(),
    st.builds(
        lambda a, b: a + b,
        st.sampled_from(
            [
                "<script>alert(1)</script>",
                "[x](javascript:alert(1))",
                '<img src=x onerror="alert(1)">',
                "<iframe src=//evil>",
                "<style>body{}</style>",
                '<a href="jav&#x61;script:alert(1)">x</a>',
                "![x](javascript:alert(1))",
            ]
        ),
        st.text(),
    ),
)


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(markdown_like)
def test_markdown_never_lets_runnable_markup_through(text: str) -> None:
    from workings.core.text import render_markdown

    html = str(render_markdown(text)).lower()
    assert not any(bad in html for bad in DANGEROUS), html


@FUZZ
@given(
    st.one_of(
        st.binary(),
        st.builds(lambda b: b"%PDF-" + b, st.binary()),
        st.builds(lambda b: b"PK\x03\x04" + b, st.binary()),
        st.builds(lambda b: b"\x89PNG\r\n\x1a\n" + b, st.binary()),
    )
)
def test_upload_sniffing_answers_for_any_bytes(data: bytes) -> None:
    from workings.record.services.attachments import detect_type

    found = detect_type(data)
    assert found is None or (isinstance(found, tuple) and found[1].startswith("."))
