"""Matrix entries for reports: annexes, files, right of reply, registrations, GRIPP2, API."""

from __future__ import annotations

from typing import Any

from tests.matrix import CONTRIBUTOR, FUNDER, LEAD, MEMBERS, OBSERVER, RESEARCHER, Case

LEAD_ONLY = frozenset({LEAD})
TEAM = frozenset({LEAD, RESEARCHER, CONTRIBUTOR, OBSERVER})
WRITERS = frozenset({LEAD, RESEARCHER, CONTRIBUTOR})
CONTRIBUTORS = frozenset({CONTRIBUTOR})
FUNDERS = frozenset({FUNDER})


def setup(world: Any) -> None:
    from workings.reports import files, services

    lead = world.users["lead"]
    services.reply_round_open(actor=lead, project=world.project, purpose="Stage 2", days=14)
    world.extra["registration"] = services.registration_create(
        actor=lead, project=world.project, audience="team"
    )
    row, _ = files.file_for(
        project=world.project, audience="team", checkpoint_size=None, fmt="md", actor=lead
    )
    world.extra["annex_file"] = row


def _slug(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug}


def _annex(audience: str) -> Any:
    return lambda w: {"slug": w.project.slug, "audience": audience}


def _download(w: Any) -> dict[str, Any]:
    return {"slug": w.project.slug, "audience": "team", "fmt": "md"}


def _file(w: Any) -> dict[str, Any]:
    return {"slug": w.project.slug, "uuid": w.extra["annex_file"].uuid}


def _reg(w: Any) -> dict[str, Any]:
    return {"uuid": w.extra["registration"].uuid}


CASES: dict[str, Case] = {
    "reports:index": Case(get=MEMBERS, post=None, kwargs=_slug),
    "reports:annex": Case(get=TEAM, post=None, kwargs=_annex("team")),
    "reports:annex-download": Case(get=TEAM, post=None, kwargs=_download),
    "reports:file": Case(get=TEAM, post=None, kwargs=_file),
    "reports:reply-open": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=_slug),
    "reports:reply": Case(get=CONTRIBUTORS, post=CONTRIBUTORS, kwargs=_slug),
    "reports:register": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=_slug),
    "reports:gripp2": Case(get=MEMBERS, post=None, kwargs=_slug),
    "reports:gripp2-export": Case(
        get=MEMBERS, post=None, kwargs=lambda w: {"slug": w.project.slug, "fmt": "csv"}
    ),
    "reports:narrative": Case(get=WRITERS, post=WRITERS, kwargs=_slug),
    "reports:registration": Case(get=TEAM, post=None, kwargs=_reg),
    "reports:registration-withdraw": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=_reg),
    "api:reports_annex": Case(get=TEAM, post=None, kwargs=_annex("team"), json=True),
    "api:reports_registrations": Case(get=MEMBERS, post=None, kwargs=_slug, json=True),
}
