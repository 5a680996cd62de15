"""Document services: every step a ledger event; bad input refused with a plain message and
nothing half-written; the lead cannot gain what the owners hold (separation of powers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.documents.helpers import agree_documents, more_contributors, summary
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.documents import export, services, suggestions
from workings.documents.models import Approval, Dissent, Kind, Submission, Suggestion, Version
from workings.events.audit import verify_project
from workings.events.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(world: Any) -> Any:
    """Two owners (the contributor and one more), every owner must approve."""
    world.extra["owners"] = [world.users["contributor"], *more_contributors(world, 1)]
    agree_documents(world, owners=world.extra["owners"], rule="all")
    return world


def _types(world: Any) -> list[str]:
    return list(
        Entry.objects.filter(log__project=world.project)
        .order_by("seq")
        .values_list("type", flat=True)
    )


def test_every_step_is_a_ledger_event_and_the_export_says_who_approved(owned: Any) -> None:
    w = owned
    a, b = w.extra["owners"]
    doc = summary(w)
    v2 = services.version_propose(
        actor=w.users["lead"], document=doc, base=1, text="Our aim is to help people home."
    )
    s = suggestions.suggestion_make(
        actor=w.users["researcher"], document=doc, number=2, original="help", replacement="support"
    )
    suggestions.suggestion_decide(actor=a, document=doc, suggestion_id=s.pk, accept=True)
    v3 = Version.objects.get(document=doc, number=3)
    assert v3.text == "Our aim is to support people home." and v3.based_on == v2.number
    services.version_approve(actor=a, document=doc, number=3)
    v3 = services.version_approve(actor=b, document=doc, number=3)
    assert v3.approved
    services.version_submit(
        actor=w.users["lead"], document=doc, number=3, application="RfPB stage 2", on="2026-11-30"
    )
    types = _types(w)
    for name in (
        "document.created",
        "document.version_proposed",
        "document.suggested",
        "document.suggestion_accepted",
        "document.approved",
        "document.submitted",
    ):
        assert name in types
    text = export.export_markdown(doc)
    assert "support people home" in text
    assert "Owner 0" in text and "Contributor Person" in text
    assert "RfPB stage 2" in text and "30 November 2026" in text
    assert verify_project(w.project).ok


def test_a_stale_base_is_a_conflict_and_nothing_is_overwritten(owned: Any) -> None:
    w = owned
    doc = summary(w)
    services.version_propose(actor=w.users["lead"], document=doc, base=1, text="Lead's words.")
    with pytest.raises(services.StaleBase) as caught:
        services.version_propose(
            actor=w.users["contributor"], document=doc, base=1, text="Contributor's words."
        )
    assert caught.value.latest.number == 2
    assert list(doc.versions.values_list("text", flat=True)) == [
        "Our aim is to help people after a stroke.",
        "Lead's words.",
    ]
    merged = services.version_propose(
        actor=w.users["contributor"], document=doc, base=2, text="Lead's and contributor's words."
    )
    assert merged.number == 3 and merged.based_on == 2


def test_the_lead_cannot_approve_accept_or_dissent_for_the_owners(owned: Any) -> None:
    w = owned
    lead = w.users["lead"]
    doc = summary(w)
    s = suggestions.suggestion_make(
        actor=lead, document=doc, number=1, original="help", replacement="assist"
    )
    with pytest.raises(NotAllowed):
        services.version_approve(actor=lead, document=doc, number=1)
    with pytest.raises(NotAllowed):
        suggestions.suggestion_decide(actor=lead, document=doc, suggestion_id=s.pk, accept=True)
    with pytest.raises(NotAllowed):
        services.dissent_add(actor=lead, document=doc, number=1, text="I object.")
    with pytest.raises(NotAllowed, match="only for yourself"):
        services.version_approve(
            actor=lead, document=doc, number=1, on_behalf_of=w.users["contributor"].pk
        )
    with pytest.raises(NotAllowed, match="only for yourself"):
        services.version_approve(
            actor=w.extra["owners"][1],
            document=doc,
            number=1,
            on_behalf_of=w.users["contributor"].pk,
        )
    assert not Approval.objects.exists() and not Dissent.objects.exists()
    assert Suggestion.objects.get().status == "open"


def test_a_lead_cosigns_only_where_the_agreement_asks(world: Any) -> None:
    owners = [world.users["contributor"]]
    agree_documents(world, owners=owners, rule="owners_and_lead")
    doc = summary(world)
    services.version_approve(actor=world.users["contributor"], document=doc, number=1)
    assert not doc.versions.get(number=1).approved
    v = services.version_approve(actor=world.users["lead"], document=doc, number=1)
    assert v.approved
    assert Approval.objects.get(user=world.users["lead"]).kind == "cosign"


def test_a_superseded_version_cannot_be_approved_or_suggested_on(owned: Any) -> None:
    w = owned
    doc = summary(w)
    services.version_propose(actor=w.users["researcher"], document=doc, base=1, text="New words.")
    with pytest.raises(ValidationFailed, match="replaced by version 2"):
        services.version_approve(actor=w.users["contributor"], document=doc, number=1)
    with pytest.raises(ValidationFailed, match="replaced by version 2"):
        suggestions.suggestion_make(
            actor=w.users["contributor"], document=doc, number=1, original="aim", replacement="x"
        )
    assert not Approval.objects.exists() and not Suggestion.objects.exists()


def test_dissent_only_from_an_owner_who_did_not_approve_and_it_travels(owned: Any) -> None:
    w = owned
    a, b = w.extra["owners"]
    doc = summary(w)
    services.version_approve(actor=a, document=doc, number=1)
    with pytest.raises(ValidationFailed, match="you cannot dissent"):
        services.dissent_add(actor=a, document=doc, number=1, text="Hmm.")
    with pytest.raises(ValidationFailed, match="please write something"):
        services.dissent_add(actor=b, document=doc, number=1, text="   ")
    services.dissent_add(actor=b, document=doc, number=1, text="Too hopeful.")
    assert Dissent.objects.get().text == "Too hopeful."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<script>alert(1)</script>", "HTML tags"),
        ("x" * 30001, "the limit is 30,000"),
        ("", "please write something"),
    ],
)
def test_bad_text_is_refused_and_nothing_is_written(owned: Any, text: str, message: str) -> None:
    doc = summary(owned)
    before = Entry.objects.count()
    with pytest.raises(ValidationFailed, match=message):
        services.version_propose(actor=owned.users["lead"], document=doc, base=1, text=text)
    assert doc.versions.count() == 1 and Entry.objects.count() == before


def test_submission_needs_the_latest_approved_version_and_a_past_date(owned: Any) -> None:
    w = owned
    a, b = w.extra["owners"]
    doc = summary(w)
    with pytest.raises(ValidationFailed, match="not approved"):
        services.version_submit(
            actor=w.users["lead"], document=doc, number=1, application="RfPB", on=None
        )
    services.version_approve(actor=a, document=doc, number=1)
    services.version_approve(actor=b, document=doc, number=1)
    with pytest.raises(NotAllowed):
        services.version_submit(actor=a, document=doc, number=1, application="RfPB", on=None)
    with pytest.raises(ValidationFailed, match="future"):
        services.version_submit(
            actor=w.users["lead"],
            document=doc,
            number=1,
            application="RfPB",
            on=dt.date.today() + dt.timedelta(days=3),
        )
    assert not Submission.objects.exists()


def test_one_summary_per_project_and_observers_cannot_write(owned: Any) -> None:
    summary(owned)
    with pytest.raises(ValidationFailed, match="already has"):
        summary(owned)
    with pytest.raises(NotAllowed):
        services.document_create(
            actor=owned.users["observer"], project=owned.project, kind=Kind.OTHER, title="X"
        )


def test_export_refuses_when_nothing_is_approved(owned: Any) -> None:
    with pytest.raises(ValidationFailed, match="nothing to export"):
        export.export_data(summary(owned))


def test_the_summary_starts_from_the_project_text_and_replaces_it_once_approved(
    owned: Any, client_for: Any
) -> None:
    from workings.projects import services as project_services

    w = owned
    a, b = w.extra["owners"]
    project = w.project
    doc = services.document_create(actor=w.users["researcher"], project=project, kind=Kind.SUMMARY)
    assert doc.versions.get().text == project.summary
    page = client_for(w.users["lead"]).get(project.get_absolute_url()).content.decode()
    assert "not yet approved" in page
    services.version_propose(
        actor=w.users["lead"], document=doc, base=1, text="Owners' own words about the study."
    )
    services.version_approve(actor=a, document=doc, number=2)
    services.version_approve(actor=b, document=doc, number=2)
    page = client_for(w.users["observer"]).get(project.get_absolute_url()).content.decode()
    assert "Owners&#x27; own words" in page or "Owners' own words" in page
    assert "not yet approved" not in page
    # Nothing but the documents app changes the summary any more.
    with pytest.raises(ValidationFailed, match="belongs to its owners"):
        project_services.project_update(
            actor=w.users["lead"],
            project=project,
            title=project.title,
            summary="The lead's own words.",
            start_date=project.start_date,
            end_date=project.end_date,
        )


def test_the_data_migration_moves_each_summary_into_version_one(world: Any) -> None:
    from workings.documents.migrating import summaries_from_projects

    assert summaries_from_projects() == 2  # the world project and the other project
    doc = world.project.documents.get(kind=Kind.SUMMARY)
    version = doc.versions.get()
    assert version.text == world.project.summary and not version.approved
    assert summaries_from_projects() == 0  # run twice: nothing new
    assert verify_project(world.project).ok
