"""The picture of both sides' self-assessments: for each standard, a bar per side on a scale
of 1 to 5. A side with too few answers has no bar (the table says "too few to show")."""

from __future__ import annotations

from typing import Any

from workings.audits.selectors import Totals

LEFT = 250
WIDTH = 700
ROW = 52
SCALE = (WIDTH - LEFT - 30) / 5


def gap_picture(totals: Totals) -> dict[str, Any]:
    rows = []
    for i, row in enumerate(totals.rows):
        y = 20 + i * ROW
        rows.append(
            {
                "label": row.label,
                "y": y,
                "text_y": y + 20,
                "contributors": float(row.contributors) * SCALE if row.contributors else None,
                "researchers": float(row.researchers) * SCALE if row.researchers else None,
                "c_value": row.contributors,
                "r_value": row.researchers,
                "c_y": y + 4,
                "r_y": y + 22,
            }
        )
    ticks = [{"x": LEFT + n * SCALE, "label": n} for n in range(0, 6)]
    return {
        "width": WIDTH,
        "height": 40 + ROW * len(rows),
        "left": LEFT,
        "rows": rows,
        "ticks": ticks,
        "axis_y": 20 + ROW * len(rows),
    }
