"""CSV formula injection: every CSV we write goes through one writer that neutralises cells a
spreadsheet would run as a formula (= + - @, tab, carriage return)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse

from tests.record import helpers as h
from workings.core.csvfile import SafeWriter, csv_cell, csv_lines
from workings.reports import gripp2

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_formula_cell_is_neutralised(text: str) -> None:
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Plain words", "a=b", "", "email@example.org", 3, None])
def test_other_cells_are_left_alone(value: Any) -> None:
    assert csv_cell(value) == value


def test_the_writer_and_the_lines_neutralise_every_cell() -> None:
    buf = io.StringIO()
    SafeWriter(buf).writerows([HOSTILE])
    row = next(csv.reader(io.StringIO(buf.getvalue())))
    assert all(cell.startswith("'") for cell in row)
    lines = "".join(csv_lines(["title", "text"], [{"title": "=1+1", "text": "ok"}]))
    assert list(csv.reader(io.StringIO(lines))) == [["title", "text"], ["'=1+1", "ok"]]


@pytest.mark.django_db
def test_the_record_csv_export_neutralises_formulas(world: Any, client_for: Any) -> None:
    h.meeting(world, title='=HYPERLINK("http://evil.example","x")', summary="@SUM(A1)")
    url = reverse("record:export-csv", kwargs={"slug": world.project.slug})
    body = b"".join(client_for(world.users["observer"]).get(url).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[0]["text"].startswith("'@SUM")
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_the_gripp2_csv_neutralises_formulas() -> None:
    rows = [
        {
            "id": "SF1",
            "section": "Aim",
            "name": "-Aim",
            "asks": "+what",
            "evidence": [{"title": "=cmd()"}],
            "in_narrative": False,
            "flag": None,
        }
    ]
    out = list(csv.reader(io.StringIO(gripp2.export_csv(rows))))
    assert out[1][:5] == ["SF1", "Aim", "'-Aim", "'+what", "'=cmd()"]
