"""The agreement page shows the version in force first and in full, with who signed it and
how; readability only to those who edit it; each influence level used explained; and no
phrase said twice ("The involvement lead (the involvement lead)")."""

from __future__ import annotations

from typing import Any

import pytest

from tests.agreements.helpers import in_force

pytestmark = pytest.mark.django_db


def _home(world: Any, client_for: Any, who: str) -> str:
    url = f"/projects/{world.project.slug}/agreement/"
    response = client_for(world.users[who]).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_version_in_force_comes_first_in_full_with_who_signed(
    world: Any, client_for: Any
) -> None:
    version = in_force(world)
    html = _home(world, client_for, "observer")
    assert "The agreement in force: version 1" in html
    first_section = version.content["sections"]["purpose"].split("\n")[0][:40]
    assert first_section and first_section in html.replace("&#x27;", "'").replace("&quot;", '"')
    assert html.index("The agreement in force") < html.index("Every version")
    assert "Who signed it and how" in html
    assert "Contributor Person" in html and "I agree with reservations" in html
    assert "In their words: “Payment is too slow.”" in html


def test_readability_only_for_those_who_edit_it(world: Any, client_for: Any) -> None:
    in_force(world)
    assert "Readability:" not in _home(world, client_for, "observer")
    assert "Readability:" not in _home(world, client_for, "funder")
    assert "Readability:" in _home(world, client_for, "contributor")


def test_each_influence_level_used_is_explained(world: Any, client_for: Any) -> None:
    in_force(world)
    html = _home(world, client_for, "observer")
    assert "What these levels mean" in html
    assert "Contributors are asked for their views before the team decides." in html or (
        "Contributors and researchers decide together, as equals." in html
    )


def test_no_phrase_is_repeated_in_the_stages(world: Any, client_for: Any) -> None:
    in_force(world)
    html = _home(world, client_for, "observer").lower()
    assert "the involvement lead (the involvement lead)" not in html
    assert "handled by" in html
