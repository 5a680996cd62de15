"""The plans policy: the one place that decides who may see and do what with milestones,
their evidence and the training log.

Members and the funder's reviewers read the plan. The lead plans and re-plans milestones; a
milestone's owner (or the lead) reports its progress; anyone who writes entries adds
evidence. Separation of powers: nobody clears a slip once recorded (re-planning a slipped
milestone keeps the day it slipped), and evidence is always added in one's own name.

Minutes of steering meetings: the lead or a researcher writes them as a draft; contributors
(and only they) comment until the day set; only the person who wrote them finalises them, and
only after that day, with a note of what changed. Nobody, the lead included, can close the
comments early, finalise someone else's minutes, or comment in a contributor's place.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, NotFound
from workings.plans.models import Milestone, Minutes
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


def _role(user: Any, project: Any) -> str | None:
    return project_policy.role_of(user, project)


class PlansPolicy:
    def can_view(self, user: Any, project: Any) -> bool:
        return _role(user, project) is not None

    def can_plan(self, user: Any, project: Any) -> bool:
        """Add milestones, change their dates, owners and ties."""
        return _role(user, project) == Role.LEAD

    def can_report(self, user: Any, milestone: Milestone, membership_id: int | None) -> bool:
        """Report a milestone's progress: the lead, or the milestone's owner."""
        if self.can_plan(user, milestone.project):
            return True
        writes = project_policy.can(user, "write_entries", milestone.project)
        return writes and membership_id is not None and membership_id == milestone.owner_id

    def can_add_evidence(self, user: Any, project: Any) -> bool:
        return project_policy.can(user, "write_entries", project)

    def can_log_training(self, user: Any, project: Any) -> bool:
        """The team logs training and support; a contributor logs what they received."""
        return project_policy.can(user, "write_entries", project)

    def can_log_for_others(self, user: Any, project: Any) -> bool:
        return _role(user, project) in (Role.LEAD, Role.RESEARCHER)

    def can_write_minutes(self, user: Any, project: Any) -> bool:
        return _role(user, project) in (Role.LEAD, Role.RESEARCHER)

    def can_comment_minutes(self, user: Any, project: Any) -> bool:
        return _role(user, project) == Role.CONTRIBUTOR

    def can_finalise(self, user: Any, minutes: Minutes, membership_id: int | None) -> bool:
        """Only the writer, while they still write entries in the project."""
        writes = self.can_write_minutes(user, minutes.project)
        return writes and membership_id is not None and membership_id == minutes.written_by_id


plans_policy = PlansPolicy()


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)


def milestone_get_for(user: Any, project: Any, pk: int) -> Milestone:
    """The milestone if this person may read the project's plan; the same 'not found'
    otherwise."""
    if not plans_policy.can_view(user, project):
        raise NotFound(_("We could not find that milestone."))
    milestone = Milestone.objects.filter(project=project, pk=pk).select_related("owner").first()
    if milestone is None:
        raise NotFound(_("We could not find that milestone."))
    return milestone


def minutes_get_for(user: Any, project: Any, pk: int) -> Minutes:
    """The minutes if this person may read the project's plan; the same 'not found'
    otherwise."""
    if not plans_policy.can_view(user, project):
        raise NotFound(_("We could not find those minutes."))
    minutes = Minutes.objects.filter(project=project, pk=pk).select_related("project").first()
    if minutes is None:
        raise NotFound(_("We could not find those minutes."))
    return minutes
