"""The picture of both sides' self-assessments: for each standard, a bar per side on a scale
of 1 to 5. A side with too few answers has no bar (the table says "too few to show").

Across a wide screen each standard's name sits left of its bars; on a phone (`narrow`) the
name sits above them, and the picture is drawn at about the size it is shown, so its words
stay readable without scrolling sideways."""

from __future__ import annotations

from typing import Any

from workings.audits.selectors import Totals

LEFT = 250
WIDTH = 700
ROW = 52
SCALE = (WIDTH - LEFT - 30) / 5
# The phone's picture: the name on its own line, the two bars under it.
N_LEFT = 6
N_WIDTH = 340
N_ROW = 66
N_SCALE = (N_WIDTH - N_LEFT - 36) / 5


def gap_picture(totals: Totals, *, narrow: bool = False) -> dict[str, Any]:
    left, width, step, scale = (
        (N_LEFT, N_WIDTH, N_ROW, N_SCALE) if narrow else (LEFT, WIDTH, ROW, SCALE)
    )
    bars = 20 if narrow else 0  # the bars sit under the name on a phone
    rows = []
    for i, row in enumerate(totals.rows):
        y = 20 + i * step
        rows.append(
            {
                "label": row.label,
                "y": y,
                "text_y": y + (12 if narrow else 20),
                "contributors": float(row.contributors) * scale if row.contributors else None,
                "researchers": float(row.researchers) * scale if row.researchers else None,
                "c_value": row.contributors,
                "r_value": row.researchers,
                "c_y": y + 4 + bars,
                "r_y": y + 22 + bars,
            }
        )
    ticks = [{"x": left + n * scale, "label": n} for n in range(0, 6)]
    return {
        "width": width,
        "height": 40 + step * len(rows),
        "left": left,
        "rows": rows,
        "ticks": ticks,
        "axis_y": 20 + step * len(rows),
        "tick_top": 10 if not narrow else 30,
    }
