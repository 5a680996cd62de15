"""One rule says who reads an entry's content, asked by pages (LogPolicy) and by report
annexes (ledger_view.may_read) alike."""

from __future__ import annotations

import pytest

from workings.events.permissions import audience_reads
from workings.events.types import Audience
from workings.reports.ledger_view import AUDIENCES, READS_AS, may_read

P, M, S = Audience.PUBLIC, Audience.MEMBERS, Audience.SEALED


@pytest.mark.parametrize(
    ("reader", "declared", "reads"),
    [
        (P, P, True),
        (P, M, False),
        (P, S, False),
        (M, P, True),
        (M, M, True),
        (M, S, False),
        (S, P, True),
        (S, M, True),
        (S, S, True),
    ],
)
def test_each_audience_reads_its_own_content_and_every_wider_one(
    reader: Audience, declared: Audience, reads: bool
) -> None:
    assert audience_reads(reader, declared) is reads


def test_every_annex_audience_reads_as_an_event_audience() -> None:
    assert set(READS_AS) == set(AUDIENCES)
    assert may_read("public", "member.invited", sealed=False) is False
    assert may_read("team", "member.invited", sealed=False) is True
    assert may_read("team", "record.feedback_given", sealed=True) is False
    assert may_read("funder", "record.feedback_given", sealed=True) is True
