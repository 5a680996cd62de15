"""The annex builder: sections per audience, as of a checkpoint, and the offline check."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.reports.conftest import MARKER, RAISER
from workings.core.exceptions import NotFound
from workings.reports import annex
from workings.verifier.annex import verify_annex

pytestmark = pytest.mark.django_db


def _key() -> str:
    from workings.events.keys import verifier_key

    return verifier_key()


def _section(doc: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in doc["sections"] if s["id"] == sid)


@pytest.mark.parametrize("audience", ["public", "team", "funder"])
def test_every_audience_verifies(rworld: Any, audience: str) -> None:
    doc = annex.build(project=rworld.project, audience=audience)
    report = verify_annex(json.loads(json.dumps(doc)), _key())
    assert report.ok, report.summary()
    assert report.entries_checked == len(doc["entries"]) > 0


def test_people_and_credit(rworld: Any) -> None:
    doc = annex.build(project=rworld.project, audience="team")
    people = _section(doc, "people")
    text = json.dumps(people)
    assert "Contributor Person" in text
    assert "Secret Name" not in text  # chose to be anonymous: counted, not named
    facts = dict(people["facts"])
    assert facts["Public contributors"] == "3 (1 left)"
    assert "1 counted, not named" in facts["Credit wishes"]
    assert "Secret Name" not in json.dumps(doc)


def test_leavers_with_reason(rworld: Any) -> None:
    doc = annex.build(project=rworld.project, audience="public")
    leavers = _section(doc, "leavers")
    assert leavers["items"][0]["body"] == "Too many evening meetings."
    assert "Lee Leaver" in leavers["items"][0]["heading"]


def test_tombstones_counted(rworld: Any) -> None:
    team = _section(annex.build(project=rworld.project, audience="team"), "tombstones")
    facts = dict(team["facts"])
    assert facts["Entries whose content was erased"] == "1"
    assert facts["Sealed entries not shown to this audience"] == "1"
    assert team["items"][0]["body"] == "Personal data"
    funder = dict(
        _section(annex.build(project=rworld.project, audience="funder"), "tombstones")["facts"]
    )
    assert funder["Sealed entries not shown to this audience"] == "0"


def test_integrity_section(rworld: Any) -> None:
    doc = annex.build(project=rworld.project, audience="public")
    sec = _section(doc, "integrity")
    assert sec["checkpoint_note"] == doc["checkpoint"]["note"]
    assert dict(sec["facts"])["Verifier key"] == _key()


@pytest.mark.parametrize("audience", ["public", "team"])
def test_marker_never_reaches_team_or_public(rworld: Any, audience: str) -> None:
    text = json.dumps(annex.build(project=rworld.project, audience=audience))
    assert MARKER not in text and RAISER not in text


def test_funder_sees_sealed_content_only_if_cited(rworld: Any) -> None:
    # The funder audience may read sealed content; nothing forbids it being shown.
    doc = annex.build(project=rworld.project, audience="funder")
    assert verify_annex(doc, _key()).ok


def test_as_of_an_earlier_checkpoint(rworld: Any) -> None:
    early = annex.build(project=rworld.project, audience="team", checkpoint_size=3)
    assert early["checkpoint"]["size"] == 3
    assert all(e["seq"] < 3 for e in early["entries"])
    assert _section(early, "leavers")["items"] == []
    assert verify_annex(early, _key()).ok


def test_checkpoint_that_does_not_exist(rworld: Any) -> None:
    with pytest.raises(NotFound, match="no checkpoint of size 9999"):
        annex.build(project=rworld.project, audience="team", checkpoint_size=9999)


def test_sections_not_yet_recorded_say_so(rworld: Any) -> None:
    doc = annex.build(project=rworld.project, audience="team")
    for sid in ("reply", "since_registration"):
        sec = _section(doc, sid)
        assert sec["empty"] and not sec["recorded"]
