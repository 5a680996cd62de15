from __future__ import annotations

from typing import Any

from workings.core.demo import build_demo
from workings.documents import export
from workings.documents.models import Document, Kind, SuggestionStatus
from workings.events.audit import verify_project
from workings.projects.summary import public_summary


def test_the_summary_is_approved_after_two_rounds_and_one_owner_dissents(db: Any) -> None:
    ctx = build_demo()
    stride = ctx.projects["stride"]
    summary = Document.objects.get(project=stride, kind=Kind.SUMMARY)
    versions = list(summary.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2, 3, 4]
    assert [v.approved for v in versions] == [False, False, False, True]
    assert versions[0].text == stride.summary  # the text the project was started with
    rounds = [v.number for v in versions if v.suggestions.exists()]
    assert rounds == [2, 3]
    decided = [s.status for v in versions for s in v.suggestions.all()]
    assert sorted(decided) == ["accepted", "accepted", "rejected"]
    assert SuggestionStatus.OPEN not in decided
    assert "fair test" in versions[-1].text

    involvement = Document.objects.get(project=stride, kind=Kind.INVOLVEMENT)
    text = export.export_markdown(involvement)
    assert "Dissent notes" in text and "sample size" in text
    assert "Submitted with the application" in text
    assert verify_project(stride).ok
    # The project's public summary is now the owners' approved text.
    assert public_summary(stride).approved
    assert public_summary(stride).text == versions[-1].text


def test_the_team_annex_shows_approvals_dissent_and_the_submission(db: Any) -> None:
    from workings.reports import ledger_view
    from workings.reports.sections import build_all

    ctx = build_demo()
    stride = ctx.projects["stride"]
    for audience, shown in (("team", True), ("funder", True), ("public", False)):
        view = ledger_view.load(project=stride, audience=audience)
        section = next(s for s in build_all(view) if s["id"] == "documents")
        text = "\n".join(i["heading"] + "\n" + i["body"] for i in section["items"])
        assert ("sample size" in text) is shown, audience
        if shown:
            assert "Dissent note by Kestrel" in text and "Jo Whitfield" not in text
            assert "the text submitted is the text its owners approved" in text
            assert "Version 4 (approved): approved by" in text
