"""Small words found in issue 16: a project's address is cut between words; leaving restates
what the agreement promised; a project you left is listed as such; the generic agreement
template speaks of no particular condition."""

from __future__ import annotations

from typing import Any

import pytest

from tests.agreements.helpers import in_force
from tests.factories import make_project
from workings.agreements.sections import template_content
from workings.projects import services

pytestmark = pytest.mark.django_db


def test_a_long_title_is_cut_between_words(world: Any) -> None:
    title = "Rehabilitation after stroke for people living alone in rural communities of Wales"
    project = make_project(world.users["lead"], title)
    assert len(project.slug) <= 50
    assert title.lower().replace(" ", "-").startswith(project.slug)
    assert not project.slug.endswith("-")
    words = set(title.lower().split())
    assert project.slug.split("-")[-1] in words


def test_the_leave_page_restates_the_agreement(world: Any, client_for: Any) -> None:
    in_force(world)
    url = f"/projects/{world.project.slug}/leave/"
    html = client_for(world.users["contributor"]).get(url).content.decode()
    assert "What the agreement promised you" in html
    assert "even after you leave" in html
    assert "What you contributed stays in the record" in html


def test_a_project_you_left_is_listed_with_what_you_can_still_do(
    world: Any, client_for: Any
) -> None:
    services.membership_leave(
        actor=world.users["contributor"], project=world.project, reason="", credit="name"
    )
    html = client_for(world.users["contributor"]).get("/projects/").content.decode()
    assert "Projects you have left" in html
    assert html.index("Projects you have left") < html.index("World project")
    assert "What you wrote stays in its record" in html


def test_the_template_names_no_condition() -> None:
    assert "stroke" not in str(template_content()).lower()
