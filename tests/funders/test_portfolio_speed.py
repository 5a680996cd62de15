"""The portfolio made fast without changing what it shows: the rows written in Python give
the markup the template gave, every column's address formatted from one reverse equals the
reversed one, and the audit column reads every project's interval in one query."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.concerns.helpers import raise_confidential, raise_open
from tests.funders.test_portfolio import _fund_more
from workings.audits.schedule import interval_months, interval_months_for
from workings.core import clock
from workings.core.portfolio import Figure, slug_url
from workings.funders.portfolio import Row, portfolio_for
from workings.funders.portfolio_rows import rows_html

pytestmark = pytest.mark.django_db

# The rows as funders/portfolio.html rendered them before they were written in Python (with
# each cell's column heading in data-label, for the cards a phone shows).
TEMPLATE_ROWS = """{% load i18n %}{% for row in rows %}
  <tr>
    <th scope="row"><a href="{% url 'projects:detail' row.project.slug %}">{{ row.project.title }}</a></th>
    {% for column, figure in row.cells %}<td{% if figure.flagged %} class="flagged"{% endif %} data-label="{{ column.label }}">{% if figure is None %}<span aria-label="{% translate 'nothing to show' %}">—</span>{% else %}{% if figure.url %}<a href="{{ figure.url }}">{{ figure.value }}</a>{% else %}{{ figure.value }}{% endif %}{% if figure.flagged %} <span class="badge alert">{% translate "Needs attention" %}</span>{% endif %}{% endif %}</td>{% endfor %}
  </tr>{% endfor %}"""  # noqa: E501


def test_the_rows_are_the_markup_the_template_made(world: Any) -> None:
    raise_open(world)
    raise_confidential(world)
    _fund_more(world, 3, title='Fish & "chips" project')
    with clock.frozen_at(dt.datetime(2031, 1, 5, 10, tzinfo=dt.UTC)):
        portfolio = portfolio_for(
            organisation=world.extra["funder_organisation"], today=clock.today()
        )
    rows = list(portfolio.rows)
    column = rows[0].cells[0][0]
    rows.append(
        Row(
            rows[0].project,
            [
                (column, None),
                (column, Figure("<script>", flagged=True, url='/x?a=1&b="2"')),
                (column, Figure(12345, url="")),
            ],
        )
    )
    expected = Template(TEMPLATE_ROWS).render(Context({"rows": rows}))
    assert str(rows_html(rows)) == expected
    assert "Fish &amp; &quot;chips&quot;" in expected
    assert any(figure and figure.flagged for row in rows for _c, figure in row.cells)


def test_one_reverse_per_column_gives_the_reversed_address() -> None:
    for name in ("concerns:list", "documents:list", "money:home", "projects:detail"):
        assert slug_url(name)("my-project_2") == reverse(name, args=["my-project_2"])
    timeline = slug_url("record:timeline", "?status=overdue")
    assert timeline("p") == reverse("record:timeline", args=["p"]) + "?status=overdue"


def test_the_audit_intervals_are_read_in_one_query(world: Any) -> None:
    fund = world.extra["funder_organisation"]
    fund.audit_interval_months = 6
    fund.save()
    projects = [*_fund_more(world, 4), world.other_project]
    with CaptureQueriesContext(connection) as ctx:
        batch = interval_months_for(projects)
    assert len(ctx.captured_queries) == 1
    assert batch == {p.pk: interval_months(p) for p in projects}
    assert set(batch.values()) == {6, 12}  # the unfunded project keeps the default


def _count(client: Any, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(url).content.decode()
    return len(ctx.captured_queries), page


def test_the_table_is_kept_until_a_project_log_moves(world: Any, client_for: Any) -> None:
    reviewer = client_for(world.users["funder"])
    url = reverse("funders:portfolio", args=[world.extra["funder_organisation"].slug])
    first, page = _count(reviewer, url)
    again, kept_page = _count(reviewer, url)
    assert again < first - 5  # no column asked again
    assert kept_page.count("<tr>") == page.count("<tr>")
    concerns = reverse("concerns:list", args=[world.project.slug])
    assert f'<a href="{concerns}">0</a>' in kept_page
    raise_open(world)  # a ledgered write: the project's log moves
    moved, fresh = _count(reviewer, url)
    assert moved == first and f'<a href="{concerns}">1</a>' in fresh
    # another reader, or another address, never gets this reader's table
    other, _page = _count(reviewer, url + "?sort=project")
    assert other == first
