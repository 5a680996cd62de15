"""The concern policy: the one place that decides who sees a concern, who sees its raiser,
and who may reply, escalate, ask the team, draft or approve a summary, or close.

Two kinds of answer (Wagtail-style): yes/no for one concern and a queryset for lists, so
list and detail pages cannot disagree. `concern_get_for` fetches and checks together and
gives the same "not found" for a missing concern and one the person may not see.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from workings.concerns.models import SEALED_MODES, Concern, Mode, Outcome
from workings.concerns.procedure import SITE, site_reviewer_emails
from workings.core.exceptions import NotAllowed, NotFound
from workings.projects.permissions import project_policy
from workings.projects.roles import Role

TEAM_ROLES = frozenset({Role.LEAD, Role.RESEARCHER})
RAISER_OUTCOMES = frozenset({Outcome.RESOLVED, Outcome.RESOLVED_WITH_CHANGES})
# Who must act at a concern's current stage, by the stage's handler: these project roles;
# for any other handler (funder, independent, the site), the concern's reviewers.
HANDLER_ROLES = {"lead": frozenset({Role.LEAD}), "team": TEAM_ROLES}


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated)


class ConcernPolicy:
    # -- who someone is to a concern --------------------------------------------------
    def is_site_reviewer(self, user: Any) -> bool:
        return _signed_in(user) and (user.email or "").lower() in site_reviewer_emails()

    def is_raiser(self, user: Any, concern: Concern) -> bool:
        return (
            _signed_in(user)
            and concern.raised_by_id is not None
            and (concern.raised_by_id == user.pk)
        )

    def is_reviewer(self, user: Any, concern: Concern) -> bool:
        """The funder's reviewers, or the site's reviewers for concerns routed to them."""
        if project_policy.role_of(user, concern.project) == Role.FUNDER:
            return True
        return concern.route == SITE and self.is_site_reviewer(user)

    def is_team(self, user: Any, concern: Concern) -> bool:
        return project_policy.role_of(user, concern.project) in TEAM_ROLES

    def must_act(self, user: Any, concern: Concern) -> bool:
        """Is ``user`` among those who must act at the concern's current stage? (The same
        people notices.handlers lists.)"""
        if not _signed_in(user):
            return False
        roles = HANDLER_ROLES.get(concern.handler_role)
        if roles is None:
            return self.is_reviewer(user, concern)
        return project_policy.role_of(user, concern.project) in roles

    # -- reading ----------------------------------------------------------------------
    def has_raised(self, user: Any, project: Any) -> bool:
        """A concern raised here under their own account (anonymous ones are tied to nobody)."""
        return _signed_in(user) and Concern.objects.filter(project=project, raised_by=user).exists()

    def can_enter(self, user: Any, project: Any) -> bool:
        """Who reaches a project's concern pages: its members, the site's independent
        reviewers, and anyone who raised a concern there, even after leaving the project
        (they keep their own concerns and their right of reply; the lists and the checks
        below show them nothing else)."""
        return (
            project_policy.is_member(user, project)
            or self.is_site_reviewer(user)
            or self.has_raised(user, project)
        )

    def can_raise(self, user: Any, project: Any) -> bool:
        return project_policy.can(user, "raise_concern", project)

    def can_view(self, user: Any, concern: Concern) -> bool:
        if self.is_raiser(user, concern):
            return True
        if concern.mode == Mode.OPEN:
            return project_policy.is_member(user, concern.project)
        if self.is_reviewer(user, concern):
            return True
        return concern.team_involved and self.is_team(user, concern)

    def can_view_full(self, user: Any, concern: Concern) -> bool:
        """Everything the raiser wrote; the team sees only the approved summary of a sealed one."""
        if not self.can_view(user, concern):
            return False
        if concern.mode == Mode.OPEN:
            return True
        return self.is_raiser(user, concern) or self.is_reviewer(user, concern)

    def reads_sealed_content(self, user: Any, concern: Concern) -> bool:
        """Whether showing this person the concern in full is a read of sealed content that
        must be recorded (everyone but the raiser: reviewers, the site's reviewers)."""
        return (
            concern.mode in SEALED_MODES
            and self.can_view_full(user, concern)
            and not self.is_raiser(user, concern)
        )

    def can_see_raiser(self, user: Any, concern: Concern) -> bool:
        if concern.mode == Mode.ANONYMOUS:
            return False
        if concern.mode == Mode.OPEN:
            return self.can_view(user, concern)
        return self.is_raiser(user, concern) or self.is_reviewer(user, concern)

    # -- acting -----------------------------------------------------------------------
    def can_reply(self, user: Any, concern: Concern) -> bool:
        if self.is_raiser(user, concern) or self.is_reviewer(user, concern):
            return True
        if not self.is_team(user, concern):
            return False
        return concern.mode == Mode.OPEN or concern.team_involved

    def can_escalate(self, user: Any, concern: Concern) -> bool:
        return self.is_raiser(user, concern)

    def can_ask_team(self, user: Any, concern: Concern) -> bool:
        return concern.mode == Mode.OPEN and self.is_reviewer(user, concern)

    def can_propose_summary(self, user: Any, concern: Concern) -> bool:
        return concern.mode in SEALED_MODES and self.is_reviewer(user, concern)

    def can_answer_summary(self, user: Any, concern: Concern) -> bool:
        return concern.mode != Mode.ANONYMOUS and self.is_raiser(user, concern)

    def can_close(self, user: Any, concern: Concern, outcome: str | None = None) -> bool:
        if self.is_reviewer(user, concern):
            return True
        if not self.is_raiser(user, concern):
            return False
        return outcome is None or outcome in RAISER_OUTCOMES

    def closing_outcomes(self, user: Any, concern: Concern) -> list[tuple[str, str]]:
        if self.is_reviewer(user, concern):
            return list(Outcome.choices)
        if self.is_raiser(user, concern):
            return [(v, label) for v, label in Outcome.choices if v in RAISER_OUTCOMES]
        return []

    # -- lists ------------------------------------------------------------------------
    def visible_filter(self, user: Any, project: Any) -> Q:
        if not _signed_in(user):
            return Q(pk__in=[])
        role = project_policy.role_of(user, project)
        allowed = Q(raised_by=user)
        if role is not None:
            allowed |= Q(mode=Mode.OPEN)
        if role == Role.FUNDER:
            allowed |= Q(mode__in=SEALED_MODES)
        if role in TEAM_ROLES:
            allowed |= Q(mode__in=SEALED_MODES, team_involved=True)
        if self.is_site_reviewer(user):
            allowed |= Q(route=SITE)
        return allowed

    def concerns_for(self, user: Any, project: Any) -> QuerySet[Concern]:
        return Concern.objects.filter(project=project).filter(self.visible_filter(user, project))


concern_policy = ConcernPolicy()


def concern_get_for(user: Any, project: Any, pk: int, *, lock: bool = False) -> Concern:
    qs = Concern.objects.select_related("project", "raised_by")
    if lock:
        qs = qs.select_for_update(of=("self",))
    concern = qs.filter(project=project, pk=pk).first()
    if concern is None or not concern_policy.can_view(user, concern):
        raise NotFound(_("We could not find that concern."))
    return concern


def concerns_project_for(user: Any, slug: str) -> Any:
    """The project behind a concern URL, for those the policy lets in (can_enter)."""
    from workings.projects.models import Project

    project = Project.objects.filter(slug=slug).first()
    if project is None:
        raise NotFound(_("We could not find that project."))
    if not concern_policy.can_enter(user, project):
        if project_policy.can(user, "view", project):
            raise NotAllowed(_("Only members of this project can see its concerns."))
        raise NotFound(_("We could not find that project."))
    return project


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)


def raised_the_sealed_entry(user: Any, project: Any, entry: Any) -> bool:
    """A signed-in raiser may read the sealed log entries of their own confidential concern
    (anonymous concerns are linked to no account, so nobody is matched here).
    The raised concerns are looked up once per person and project, so a page of entries
    costs one query, not one per sealed entry."""
    if user is None or not user.is_authenticated:
        return False
    body = getattr(entry, "body", None)
    content = body.content if body is not None else None
    if not content:
        return False
    about: set[int] = set()
    for snapshot in content.get("snapshots", []):
        if snapshot.get("model") == "concerns.concern":
            about.add(int(snapshot["id"]))
        elif snapshot.get("model") == "concerns.reply" and snapshot["fields"].get("concern"):
            about.add(int(snapshot["fields"]["concern"]))
    if not about:
        return False
    cache: dict[int, set[int]] = user.__dict__.setdefault("_workings_raised", {})
    if project.pk not in cache:
        cache[project.pk] = set(
            Concern.objects.filter(project=project, raised_by=user).values_list("id", flat=True)
        )
    return bool(about & cache[project.pk])
