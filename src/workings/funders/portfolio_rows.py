"""The portfolio table's rows as HTML, made in Python rather than by the template engine.

A page holds up to a hundred rows of eight figures: through the template language each cell
costs a dozen variable look-ups and tag calls, which made the page many times slower than
the rest of the site (bench/README.md). This writes the same markup with every value
escaped, as the template did (docs/decisions/portfolio-speed.md).
"""

from __future__ import annotations

from collections.abc import Iterable

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
    project_url = slug_url("projects:detail")
    nothing = f'<span aria-label="{conditional_escape(_("nothing to show"))}">—</span>'
    attention = f' <span class="badge alert">{conditional_escape(_("Needs attention"))}</span>'
    out: list[str] = []
    labels: dict[str, str] = {}  # each cell names its column, shown on a phone (site.css)
    for row in rows:
        project = row.project
        href = conditional_escape(project_url(project.slug))
        out.append(
            f'\n  <tr>\n    <th scope="row"><a href="{href}">{_text(project.title)}</a></th>\n    '
        )
        for column, figure in row.cells:
            label = labels.get(column.key)
            if label is None:
                label = labels[column.key] = str(conditional_escape(column.label))
            if figure is None:
                out.append(f'<td data-label="{label}">{nothing}</td>')
                continue
            value = _text(figure.value)
            if figure.url:
                value = f'<a href="{conditional_escape(figure.url)}">{value}</a>'
            if figure.flagged:
                out.append(f'<td class="flagged" data-label="{label}">{value}{attention}</td>')
            else:
                out.append(f'<td data-label="{label}">{value}</td>')
        out.append("\n  </tr>")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
