"""Which stages a concern follows, and who reads it.

The stages come from the agreement in force (workings.agreements.selectors.procedure_for),
else from the default procedure defined there. Open concerns follow every stage; sealed
(confidential and anonymous) concerns skip the team's stages and go straight to the
funder's reviewers (the independent person's stage only where the funder organisation has
appointed an independent reviewer, so the person named really can read it), or, where the
project has no funder reviewer, to the site's own independent reviewers
(settings.WORKINGS_INDEPENDENT_REVIEWERS).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from workings.agreements import selectors as agreement_selectors
from workings.agreements.selectors import Procedure
from workings.projects.permissions import project_policy

TEAM_ROLES = frozenset({"lead", "team"})
SITE = "site"


SITE_STAGE = {
    "name": "The site's independent reviewers",
    "handler": "The site's independent reviewers",
    "handler_role": SITE,
    "response_days": 28,
}


def procedure_for(project: Any) -> Procedure:
    return agreement_selectors.procedure_for(project)


def site_reviewer_emails() -> list[str]:
    return [e.strip().lower() for e in settings.WORKINGS_INDEPENDENT_REVIEWERS if e.strip()]


@dataclass(frozen=True)
class Route:
    stages: list[dict[str, Any]]
    route: str  # team | reviewers | site
    is_default: bool
    version_id: int | None
    independent_person: str


def _stage_dict(stage: Any) -> dict[str, Any]:
    return {
        "name": stage.name,
        "handler": stage.handler,
        "handler_role": stage.handler_role,
        "response_days": int(stage.response_days),
    }


def route_for(project: Any, *, sealed: bool) -> Route:
    procedure = procedure_for(project)
    stages = [_stage_dict(s) for s in procedure.stages]
    person = procedure.independent_person or ""
    common = {
        "is_default": procedure.is_default,
        "version_id": procedure.version_id,
        "independent_person": person,
    }
    if not sealed:
        return Route(stages=stages, route="team", **common)
    reviewers = project_policy.reviewers(project)
    funder = bool(reviewers)
    independent = any(r.independent for r in reviewers)
    kept = [
        s
        for s in stages
        if (s["handler_role"] == "independent" and independent)
        or (s["handler_role"] == "funder" and funder)
    ]
    # Without a funder's reviewer on Workings, the site's reviewers read it. The independent
    # person reads a sealed concern only if the funder organisation appointed them.
    return Route(stages=kept or [dict(SITE_STAGE)], route="reviewers" if funder else SITE, **common)


def readers_description(project: Any, *, sealed: bool) -> list[str]:
    """Plain-English list of who will read a concern, shown before the raiser sends it."""
    if not sealed:
        return ["Everyone in the project: the team, the funder's reviewers and observers."]
    route = route_for(project, sealed=True)
    readers = []
    if route.route == SITE:
        readers.append(
            "This project has no funder's reviewer on Workings, so the site's own independent "
            "reviewers will read it."
        )
    # Exactly the people who can read it: each named, as the concern page will list them.
    for reviewer in project_policy.reviewers(project):
        readers.append(f"{reviewer.label}.")
    readers.append(
        "Nobody in the project team, unless a reviewer asks them for a response, and then only "
        "through a summary you have approved."
    )
    return readers


def mode_readers(project: Any) -> dict[str, str]:
    """One line per way of raising a concern: who will read it. The raise page shows these
    words both in its "who will read it" box and beside each choice, so they cannot differ."""
    from django.utils.translation import gettext as _

    sealed = " ".join(readers_description(project, sealed=True))
    return {
        "open": " ".join(readers_description(project, sealed=False))
        + " "
        + _("They will know it was you."),
        "confidential": sealed + " " + _("They will know it was you."),
        "anonymous": sealed
        + " "
        + _("Nobody will know it was you, not even us: you get a receipt code to read replies."),
    }
