"""Creating a project and changing its details. Each service validates, writes the rows and
appends the event to the project's log (events.services.append_event)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, Problems, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event, log_create
from workings.projects import validation as v
from workings.projects.models import Membership, Project
from workings.projects.permissions import project_policy
from workings.projects.roles import Role

FUNDER_ROLE_REFUSED = _(
    "Nobody in a project can make someone a funder reviewer. The funder organisation "
    "appoints its own reviewers: name your funder on the project's Funder page, and the "
    "organisation confirms it."
)


def _given_role(value: Any) -> str:
    """A role a member may give (invite with or change to): never the funder reviewer's."""
    chosen = v.role(value)
    if not project_policy.can_give_role(chosen):
        raise ValidationFailed(str(FUNDER_ROLE_REFUSED), field="role")
    return chosen


def _shorten(slug: str, limit: int = 50) -> str:
    """At most `limit` characters, cut between words (never in the middle of one)."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else slug[:limit]).strip("-")


def _unique_slug(title: str) -> str:
    base = _shorten(slugify(title)) or "project"
    slug, n = base, 2
    while Project.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


SUMMARY_IS_A_DOCUMENT = _(
    "The plain-English summary belongs to its owners now: propose a new version of it on "
    "the project's Documents page, where its owners approve it."
)


def _project_fields(
    data: dict[str, Any], *, creating: bool = True, problems: Problems | None = None
) -> dict[str, Any]:
    """Every field checked, every broken rule reported at once (with any the caller found)."""
    problems = problems if problems is not None else Problems()
    start, end = problems.check(v.date_range, data.get("start_date"), data.get("end_date")) or (
        None,
        None,
    )
    summary = {}
    if creating:
        # The starting text only: after creation, the summary is a co-owned document.
        summary["summary"] = problems.check(
            required_text,
            data.get("summary"),
            field="summary",
            label=_("Plain-English summary"),
            max_length=5000,
        )
    fields = {
        "title": problems.check(
            required_text, data.get("title"), field="title", label=_("Title"), max_length=200
        ),
        **summary,
        "funder_name": problems.check(
            optional_text,
            data.get("funder_name"),
            field="funder_name",
            label=_("Funder"),
            max_length=200,
        ),
        "funder_reference": problems.check(
            optional_text,
            data.get("funder_reference"),
            field="funder_reference",
            label=_("Funder reference"),
            max_length=100,
        ),
        "start_date": start,
        "end_date": end,
        "involvement_budget": problems.check(v.budget, data.get("involvement_budget")),
        "currency": problems.check(v.currency, data.get("currency") or "GBP"),
    }
    problems.raise_any()
    return fields


@transaction.atomic
def project_create(*, actor: Any, **data: Any) -> Project:
    if not project_policy.can_create(actor):
        raise NotAllowed(_("Sign in to start a project."))
    wanted_slug = data.pop("slug", None)
    problems = Problems()  # every broken rule is reported at once
    slug = problems.check(v.slug, wanted_slug) if wanted_slug else None
    if slug and Project.objects.filter(slug=slug).exists():
        problems.add(
            _("The web address “%(slug)s” is already taken.") % {"slug": slug}, field="slug"
        )
    fields = _project_fields(data, problems=problems)
    slug = slug or _unique_slug(fields["title"])
    project = Project(slug=slug, created_at=clock.now(), **fields)
    project.full_clean()
    project.save()
    log_create(project=project)
    lead = Membership.objects.create(
        project=project,
        user=actor,
        role=Role.LEAD,
        display_name=actor.display_name,
        joined_at=clock.now(),
    )
    append_event(
        project=project,
        type="project.created",
        actor=actor,
        content={"title": project.title},
        subjects=[project, lead],
    )
    project_policy.forget(actor)
    return project


@transaction.atomic
def project_update(*, actor: Any, project: Project, **data: Any) -> Project:
    if not project_policy.can(actor, "update", project):
        raise NotAllowed(_("Only a lead can change the project's details."))
    project = Project.objects.select_for_update().get(pk=project.pk)
    problems = Problems()  # every broken rule is reported at once
    if data.get("summary") not in (None, project.summary):
        problems.add(SUMMARY_IS_A_DOCUMENT, field="summary")
    fields = _project_fields(data, creating=False, problems=problems)
    if "is_published" in data:
        fields["is_published"] = bool(data["is_published"])
    before = project.snapshot()
    for name, value in fields.items():
        setattr(project, name, value)
    project.full_clean()
    project.save()
    after = project.snapshot()
    changed = sorted(k for k in after if after[k] != before[k])
    append_event(
        project=project,
        type="project.updated",
        actor=actor,
        content={"changed": changed},
        subjects=[project],
    )
    return project
