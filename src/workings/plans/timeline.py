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
) -> dict[str, Any]:
    kinds = [k for k in ("research", "involvement", "action") if k in lane_labels]
    first = min([start, *(m.due_on for m in milestones)])
    last = max([end, *(m.due_on for m in milestones)])
    span = max((last - first).days, 1)
    usable = WIDTH - LEFT - RIGHT

    def x_of(day: dt.date) -> float:
        return round(LEFT + usable * (day - first).days / span, 1)

    y_of = {k: TOP + LANE * i + LANE / 2 for i, k in enumerate(kinds)}
    height = TOP + LANE * len(kinds) + 10
    markers: dict[int, Marker] = {}
    for m in milestones:
        if m.kind not in y_of:
            continue
        x, y = x_of(m.due_on), y_of[m.kind]
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
        {"x": x_of(dt.date(y, 1, 1)), "label": str(y)}
        for y in range(first.year + 1, last.year + 1)
        if first < dt.date(y, 1, 1) <= last
    ]
    return {
        "width": WIDTH,
        "height": height,
        "lanes": [
            {"label": lane_labels[k], "y": y_of[k], "x1": LEFT, "x2": WIDTH - RIGHT} for k in kinds
        ],
        "markers": list(markers.values()),
        "ties": ties,
        "years": years,
        "axis_y": height - 6,
        "today": x_of(today) if first <= today <= last else None,
        "start_label": first.isoformat(),
        "end_label": last.isoformat(),
    }
