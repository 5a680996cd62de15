"""The timeline picture's geometry: pure arithmetic from milestones to positions, so the
template only draws. One lane per kind (research, involvement, audit actions); a tie is a
line between the two milestones; each year of the project gets a tick; today is a line.

The picture is one image to assistive technology (its title and a summary in words); every
milestone is in the table beside it, which is the full text alternative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

WIDTH = 1000
LEFT = 120  # room for the lane names
RIGHT = 20
LANE = 56
TOP = 40
# The phone's picture (below 48rem): time runs down the page, one column per lane, drawn
# at about the size it is shown (a 375 px screen), so its words stay 13-14 px tall.
NARROW = 340
N_LEFT = 46  # room for the years
N_TOP = 44  # room for the lane names
PER_YEAR = 170
N_MIN = 260


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    shape: str  # circle (research) | diamond (involvement) | triangle (action)
    done: bool
    slipped: bool
    points: str  # for the diamond and triangle polygons


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    flagged: bool


SHAPES = {"research": "circle", "involvement": "diamond", "action": "triangle"}


def _points(shape: str, x: float, y: float) -> str:
    if shape == "diamond":
        pts = [(x, y - 9), (x + 9, y), (x, y + 9), (x - 9, y)]
    elif shape == "triangle":
        pts = [(x, y - 9), (x + 9, y + 7), (x - 9, y + 7)]
    else:
        return ""
    return " ".join(f"{a:.1f},{b:.1f}" for a, b in pts)


def layout(
    milestones: list[Any],
    *,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    slipped: set[int],
    tied: set[int],
    lane_labels: dict[str, str],
    narrow: bool = False,
) -> dict[str, Any]:
    """The picture across a wide screen (time left to right, a row per lane), or with
    `narrow` down a phone's screen (time top to bottom, a column per lane)."""
    kinds = [k for k in ("research", "involvement", "action") if k in lane_labels]
    first = min([start, *(m.due_on for m in milestones)])
    last = max([end, *(m.due_on for m in milestones)])
    span = max((last - first).days, 1)
    axis = _Down(kinds, span) if narrow else _Across(kinds)

    def at(day: dt.date) -> float:
        return round(axis.start + axis.length * (day - first).days / span, 1)

    markers: dict[int, Marker] = {}
    for m in milestones:
        if m.kind not in kinds:
            continue
        x, y = axis.point(at(m.due_on), m.kind)
        shape = SHAPES[m.kind]
        markers[m.pk] = Marker(
            x, y, shape, m.status == "done", m.pk in slipped, _points(shape, x, y)
        )
    ties = [
        Line(
            markers[m.tied_to_id].x,
            markers[m.tied_to_id].y,
            markers[m.pk].x,
            markers[m.pk].y,
            m.pk in tied,
        )
        for m in milestones
        if m.tied_to_id in markers and m.pk in markers
    ]
    years = [
        axis.mark(at(dt.date(y, 1, 1)), str(y))
        for y in range(first.year + 1, last.year + 1)
        if first < dt.date(y, 1, 1) <= last
    ]
    return {
        "width": axis.width,
        "height": axis.height,
        "lane_font": 13 if narrow else 15,  # three lane names side by side on a phone
        "lanes": [axis.lane(k, lane_labels[k]) for k in kinds],
        "markers": list(markers.values()),
        "ties": ties,
        "years": years,
        "today": axis.today(at(today)) if first <= today <= last else None,
        "start_label": first.isoformat(),
        "end_label": last.isoformat(),
    }


class _Across:
    """Time left to right; a row per lane, its name at the left."""

    def __init__(self, kinds: list[str]) -> None:
        self.width, self.start, self.length = WIDTH, LEFT, WIDTH - LEFT - RIGHT
        self.row = {k: TOP + LANE * i + LANE / 2 for i, k in enumerate(kinds)}
        self.height = TOP + LANE * len(kinds) + 10
        self.axis = self.height - 6

    def point(self, t: float, kind: str) -> tuple[float, float]:
        return t, self.row[kind]

    def lane(self, kind: str, label: str) -> dict[str, Any]:
        y = self.row[kind]
        return _drawn(LEFT, y, WIDTH - RIGHT, y, label, 8, y + 5, "start")

    def mark(self, t: float, label: str) -> dict[str, Any]:
        return _drawn(t, 24, t, self.axis, label, t, 18, "middle")

    def today(self, t: float) -> dict[str, Any]:
        return _drawn(t, 24, t, self.axis, "", t + 4, self.axis, "start")


class _Down:
    """Time top to bottom (a year about a phone's screen-width tall); a column per lane, its
    name at the top; the years down the left."""

    def __init__(self, kinds: list[str], span: int) -> None:
        self.width, self.start = NARROW, N_TOP
        self.length = max(N_MIN, round(PER_YEAR * span / 365))
        step = (NARROW - N_LEFT - 6) / max(len(kinds), 1)
        self.column = {k: round(N_LEFT + step * (i + 0.5), 1) for i, k in enumerate(kinds)}
        self.height = N_TOP + self.length + 18

    def point(self, t: float, kind: str) -> tuple[float, float]:
        return self.column[kind], t

    def lane(self, kind: str, label: str) -> dict[str, Any]:
        x = self.column[kind]
        return _drawn(x, N_TOP - 10, x, N_TOP + self.length + 10, label, x, 20, "middle")

    def mark(self, t: float, label: str) -> dict[str, Any]:
        return _drawn(N_LEFT - 4, t, NARROW - 4, t, label, 2, t + 5, "start")

    def today(self, t: float) -> dict[str, Any]:
        return _drawn(N_LEFT - 4, t, NARROW - 4, t, "", NARROW - 4, t - 5, "end")


def _drawn(
    x1: float, y1: float, x2: float, y2: float, label: str, lx: float, ly: float, anchor: str
) -> dict[str, Any]:
    """A line and where its words go."""
    return {
        "x1": x1,
        "y1": y1,
        "x2": x2,
        "y2": y2,
        "label": label,
        "lx": lx,
        "ly": ly,
        "anchor": anchor,
    }
