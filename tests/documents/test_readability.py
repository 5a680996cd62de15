"""Readability help: figures per paragraph, jargon with plain words, for writers only."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documents.helpers import summary
from workings.documents import readability

TEXT = (
    "## Aim\n\n"
    "A randomised controlled trial was undertaken to evaluate the efficacy of early "
    "rehabilitation on functional outcomes, and participants were recruited in primary care.\n\n"
    "We will ask people who have had a stroke what helps them most at home. We will listen."
)


def test_the_jargon_list_is_data_with_at_least_150_terms() -> None:
    terms = readability.jargon_list()
    assert len(terms) >= 150
    assert all(j.term and j.plain for j in terms)
    assert len({j.term.casefold() for j in terms}) == len(terms)


def test_each_paragraph_gets_figures_and_its_jargon_with_plain_words() -> None:
    paras = readability.paragraphs(TEXT)
    assert len(paras) == 2  # the heading is not a paragraph
    hard, easy = paras
    found = {j.term for j in hard.jargon}
    assert "randomised controlled trial" in found and "randomised" not in found
    assert {"efficacy", "functional outcomes", "primary care", "undertake"} - found == {
        "undertake"
    }  # "undertaken" is a different word: whole words only
    assert hard.figures is not None and easy.figures is not None
    assert hard.figures.passive >= 2  # "was undertaken", "were recruited"
    assert hard.figures.reading_age > easy.figures.reading_age
    assert hard.above_target
    assert hard.figures.long_word_share > easy.figures.long_word_share
    assert easy.jargon == ()


@pytest.mark.django_db
def test_writers_see_the_help_and_readers_do_not(world: Any, client_for: Any) -> None:
    doc = summary(world, text=TEXT)
    url = doc.versions.get().get_absolute_url()
    writer = client_for(world.users["contributor"]).get(url).content.decode()
    assert "Readability help for writers" in writer and "a fair test" in writer
    assert "reading age of about 12" in writer
    for reader in ("observer", "funder"):
        page = client_for(world.users[reader]).get(url).content.decode()
        assert "Readability help" not in page and "a fair test" not in page
