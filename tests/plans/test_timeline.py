"""The timeline's two drawings: across a wide screen (time left to right) and down a phone's
(time top to bottom), each kept inside its own picture."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from workings.plans.timeline import NARROW, layout

D = dt.date


def _m(pk: int, kind: str, day: dt.date, tied_to: int | None = None) -> SimpleNamespace:
    return SimpleNamespace(pk=pk, kind=kind, due_on=day, status="planned", tied_to_id=tied_to)


MILESTONES = [
    _m(1, "research", D(2026, 3, 1)),
    _m(2, "involvement", D(2026, 2, 1), tied_to=1),
    _m(3, "research", D(2027, 9, 1)),
]
LANES = {"research": "Research", "involvement": "Involvement"}


def _draw(narrow: bool) -> dict:
    return layout(
        MILESTONES,
        start=D(2026, 1, 1),
        end=D(2027, 12, 31),
        today=D(2026, 6, 1),
        slipped=set(),
        tied=set(),
        lane_labels=LANES,
        narrow=narrow,
    )


def test_on_a_phone_time_runs_down_and_everything_stays_inside() -> None:
    pic = _draw(narrow=True)
    assert pic["width"] == NARROW
    first, _tied, later = pic["markers"]
    assert later.y > first.y and later.x == first.x  # same lane, a later day lower down
    for m in pic["markers"]:
        assert 0 < m.x < pic["width"] and 0 < m.y < pic["height"]
    assert [y["label"] for y in pic["years"]] == ["2027"]
    assert pic["today"]["y1"] == pic["today"]["y2"]  # today is a line across
    assert [lane["label"] for lane in pic["lanes"]] == ["Research", "Involvement"]


def test_across_a_wide_screen_time_runs_left_to_right() -> None:
    pic = _draw(narrow=False)
    first, _tied, later = pic["markers"]
    assert later.x > first.x and later.y == first.y
    assert pic["today"]["x1"] == pic["today"]["x2"]  # today is a line down
    assert len(pic["ties"]) == 1
