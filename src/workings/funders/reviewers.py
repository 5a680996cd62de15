"""The funders app's answer to "who reviews this project?", registered with the project
policy at start-up (projects.permissions.register_reviewer_source). Only the current
reviewers and independent reviewers of the project's *confirmed* organisation count."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workings.funders.models import READER_KINDS, Appointment, AppointmentKind, ProjectFunder
from workings.projects.models import Project
from workings.projects.permissions import Reviewer


def _label(appointment: Appointment, independent: bool) -> str:
    name = appointment.user.display_name or appointment.user.name
    post = _("independent reviewer") if independent else _("reviewer")
    return _("%(name)s, %(post)s for %(organisation)s") % {
        "name": name,
        "post": post,
        "organisation": appointment.organisation.name,
    }


class FunderReviewerSource:
    def reviewers(self, project: Project) -> list[Reviewer]:
        appointments = (
            Appointment.objects.filter(
                ended_at__isnull=True,
                kind__in=READER_KINDS,
                organisation__project_links__project=project,
                organisation__project_links__status=ProjectFunder.Status.CONFIRMED,
            )
            .select_related("user", "organisation")
            .order_by("kind", "started_at", "id")
        )
        by_user: dict[int, list[Appointment]] = {}
        for a in appointments:
            by_user.setdefault(a.user_id, []).append(a)
        out = []
        for user_id, posts in by_user.items():
            independent = any(a.kind == AppointmentKind.INDEPENDENT for a in posts)
            out.append(Reviewer(user_id, _label(posts[0], independent), independent))
        return out

    def reviewed_project_ids(self, user: Any) -> set[int]:
        return set(
            ProjectFunder.objects.filter(
                status=ProjectFunder.Status.CONFIRMED,
                organisation__appointments__user=user,
                organisation__appointments__ended_at__isnull=True,
                organisation__appointments__kind__in=READER_KINDS,
            ).values_list("project_id", flat=True)
        )


reviewer_source = FunderReviewerSource()
