"""A project for the benchmarks: a lead and one contributor (joined through the real
invitation), and an agreement in force signed by both. Used by bench/documents.py and
bench/money.py after Django is set up on a throwaway database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any


def lead_and_contributor(
    agreement: Callable[[Any, Any], dict[str, Any]] | None = None,
) -> tuple[Any, Any, Any, Any]:
    """(lead, contributor, the contributor's membership, project). `agreement(lead,
    contributor)`: structured sections saved into the draft before it is proposed (say, the
    documents' owners, who must exist first)."""
    from allauth.account.models import EmailAddress

    from workings.accounts.models import User
    from workings.agreements import selectors as asel
    from workings.agreements import services as aserv
    from workings.events import keys
    from workings.projects import services as ps

    if not keys.key_path().exists():
        keys.keys_init(name="workings.bench")

    def person(email: str, name: str) -> Any:
        u = User.objects.create_user(email=email, password="bench-password-1", display_name=name)
        EmailAddress.objects.create(user=u, email=email, verified=True, primary=True)
        return u

    lead = person("lead@example.org", "Bench Lead")
    contributor = person("contributor@example.org", "Bench Contributor")
    project = ps.project_create(
        actor=lead,
        slug="bench",
        title="Bench project",
        summary="For benchmarks.",
        start_date=dt.date(2020, 1, 1),
        end_date=dt.date(2030, 1, 1),
    )
    _, token = ps.invitation_create(
        actor=lead, project=project, email=contributor.email, role="contributor"
    )
    member = ps.invitation_accept(actor=contributor, token=token)
    draft = aserv.draft_start(actor=lead, project=project, source="template")
    if agreement:
        draft = aserv.draft_save(
            actor=lead,
            version=draft,
            revision=draft.revision,
            content={**draft.content, **agreement(lead, contributor)},
        )
    version = aserv.version_propose(actor=lead, version=draft)
    for party in asel.parties_for(version):
        aserv.signature_create(actor=party.user, version=version, answer="agree", words="")
    return lead, contributor, member, project
