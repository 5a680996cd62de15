"""The portfolio table's rows as HTML, made in Python rather than by the template engine.

A page holds up to a hundred rows of eight figures: through the template language each cell
costs a dozen variable look-ups and tag calls, which made the page many times slower than
the rest of the site (bench/README.md). This writes the same markup with every value
escaped, as the template did (docs/decisions/portfolio-speed.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from workings.core.portfolio import slug_url
from workings.funders.portfolio import Row


def _text(value: object) -> str:
    """As ``{{ value }}`` shows it: localised, then escaped unless already safe."""
    return str(conditional_escape(localize(value)))


def rows_html(rows: Iterable[Row]) -> SafeString:
    """The rows of a computed portfolio (each cell knows its column)."""
    return mark_safe(  # noqa: S308 - rows_html_plain escapes every value
        "".join(
            rows_html_plain(
                [
                    (
                        row.project.slug,
                        row.project.title,
                        [None if f is None else (f.value, f.flagged, f.url) for _c, f in row.cells],
                    )
                ],
                [str(column.label) for column, _f in row.cells],
            )
            for row in rows
        )
    )


def rows_html_plain(
    rows: Iterable[tuple[str, str, Sequence[tuple[Any, bool, str] | None]]],
    headings: Sequence[str],
) -> SafeString:
    """The rows from (slug, title, cells), each cell (value, flagged, url) or None; each
    cell names its column's heading, shown above it on a phone (site.css)."""
    labels = [str(conditional_escape(h)) for h in headings]
    project_url = slug_url("projects:detail")
    nothing = f'<span aria-label="{conditional_escape(_("nothing to show"))}">—</span>'
    attention = f' <span class="badge alert">{conditional_escape(_("Needs attention"))}</span>'
    out: list[str] = []
    for slug, title, cells in rows:
        href = conditional_escape(project_url(slug))
        out.append(f'\n  <tr>\n    <th scope="row"><a href="{href}">{_text(title)}</a></th>\n    ')
        for label, cell in zip(labels, cells, strict=True):
            if cell is None:
                out.append(f'<td data-label="{label}">{nothing}</td>')
                continue
            raw, flagged, url = cell
            value = _text(raw)
            if url:
                value = f'<a href="{conditional_escape(url)}">{value}</a>'
            if flagged:
                out.append(f'<td class="flagged" data-label="{label}">{value}{attention}</td>')
            else:
                out.append(f'<td data-label="{label}">{value}</td>')
        out.append("\n  </tr>")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
