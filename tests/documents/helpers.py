"""Helpers for document tests: a world whose agreement in force names document owners."""

from __future__ import annotations

import copy
from typing import Any

from tests.factories import add_member, make_user
from workings.agreements import selectors as agreement_selectors
from workings.agreements import services as agreement_services
from workings.documents import services
from workings.documents.models import Document, Kind
from workings.projects.roles import Role


def agree_documents(world: Any, *, owners: list[Any], rule: str = "all") -> None:
    """Put an agreement in force that names `owners` and the final-say `rule`."""
    lead, project = world.users["lead"], world.project
    draft = agreement_services.draft_start(actor=lead, project=project, source="template")
    content = copy.deepcopy(draft.content)
    content["documents"] = {"final_say": rule, "owners": [u.pk for u in owners]}
    draft = agreement_services.draft_save(
        actor=lead, version=draft, revision=draft.revision, content=content
    )
    version = agreement_services.version_propose(actor=lead, version=draft)
    for membership in agreement_selectors.parties_for(version):
        agreement_services.signature_create(
            actor=membership.user, version=version, answer="agree", words=""
        )
    version.refresh_from_db()
    assert version.status == "in_force"


def more_contributors(world: Any, n: int) -> list[Any]:
    people = []
    for i in range(n):
        user = make_user(f"owner{i}@example.org", f"Owner {i}")
        add_member(world.project, world.users["lead"], user, Role.CONTRIBUTOR)
        people.append(user)
    return people


def summary(world: Any, text: str = "Our aim is to help people after a stroke.") -> Document:
    """A lay summary of results with one version (the plain-English summary starts from
    the project's own text, tested on its own)."""
    return services.document_create(
        actor=world.users["researcher"], project=world.project, kind=Kind.LAY_RESULTS, text=text
    )
