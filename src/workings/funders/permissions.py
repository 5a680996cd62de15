"""The funder policy: who may see an organisation, appoint or end its people, and answer a
project that names it. Creating an organisation is for site administrators only (the
command line and the admin site), never for anyone acting in a project."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, NotFound
from workings.funders.models import (
    READER_KINDS,
    Appointment,
    AppointmentKind,
    FunderOrganisation,
    ProjectFunder,
)
from workings.projects.permissions import project_policy


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated)


class FunderPolicy:
    def _posts(self, user: Any, organisation: FunderOrganisation) -> set[str]:
        if not _signed_in(user):
            return set()
        cache: dict[int, set[str]] = user.__dict__.setdefault("_workings_posts", {})
        if organisation.pk not in cache:
            cache[organisation.pk] = set(
                Appointment.objects.filter(
                    organisation=organisation, user=user, ended_at__isnull=True
                ).values_list("kind", flat=True)
            )
        return cache[organisation.pk]

    def is_site_admin(self, user: Any) -> bool:
        return _signed_in(user) and bool(user.is_superuser)

    def is_admin(self, user: Any, organisation: FunderOrganisation) -> bool:
        return AppointmentKind.ADMIN in self._posts(user, organisation)

    def can_create(self, user: Any) -> bool:
        """Only a site administrator (None: the command line, run by one)."""
        return user is None or self.is_site_admin(user)

    def can_view(self, user: Any, organisation: FunderOrganisation) -> bool:
        return bool(self._posts(user, organisation)) or self.is_site_admin(user)

    def can_appoint(self, user: Any, organisation: FunderOrganisation, kind: str) -> bool:
        """Site administrators appoint anyone; the organisation's admins appoint reviewers
        and independent reviewers (never themselves into a new admin post)."""
        if user is None or self.is_site_admin(user):
            return True
        return kind in READER_KINDS and self.is_admin(user, organisation)

    def can_end(self, user: Any, appointment: Appointment) -> bool:
        if user is None or self.is_site_admin(user):
            return True
        if appointment.kind == AppointmentKind.ADMIN:
            return False
        return self.is_admin(user, appointment.organisation)

    def can_change_settings(self, user: Any, organisation: FunderOrganisation) -> bool:
        """The organisation's admins (and site administrators; None: the command line)."""
        if user is None or self.is_site_admin(user):
            return True
        return self.is_admin(user, organisation)

    def is_reviewer(self, user: Any, organisation: FunderOrganisation) -> bool:
        return bool(self._posts(user, organisation) & READER_KINDS)

    def can_view_portfolio(self, user: Any, organisation: FunderOrganisation) -> bool:
        """The organisation's reviewers and admins: counts and links, never sealed text."""
        return self.can_view(user, organisation)

    def can_answer(self, user: Any, link: ProjectFunder) -> bool:
        return self.is_admin(user, link.organisation)

    def can_name_funder(self, user: Any, project: Any) -> bool:
        return project_policy.can(user, "update", project)

    def organisations_for(self, user: Any) -> QuerySet[FunderOrganisation]:
        if not _signed_in(user):
            return FunderOrganisation.objects.none()
        if self.is_site_admin(user):
            return FunderOrganisation.objects.all()
        return FunderOrganisation.objects.filter(
            appointments__user=user, appointments__ended_at__isnull=True
        ).distinct()

    def forget(self, user: Any) -> None:
        if user is not None:
            user.__dict__.pop("_workings_posts", None)
            user.__dict__.pop("_workings_menu_posts", None)
            project_policy.forget(user)


funder_policy = FunderPolicy()


def organisation_get_for(user: Any, slug: str) -> FunderOrganisation:
    """The organisation, for the people it appoints; the same "not found" otherwise."""
    organisation = FunderOrganisation.objects.filter(slug=slug).first()
    if organisation is None or not funder_policy.can_view(user, organisation):
        raise NotFound(_("We could not find that funder organisation."))
    return organisation


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)
