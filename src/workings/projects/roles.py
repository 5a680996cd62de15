"""Roles are per project. Their powers are decided in permissions.py, nowhere else."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEAD = "lead", _("Lead")
    RESEARCHER = "researcher", _("Researcher")
    CONTRIBUTOR = "contributor", _("Public contributor")
    FUNDER = "funder", _("Funder reviewer")
    OBSERVER = "observer", _("Observer")


ROLE_DESCRIPTIONS = {
    Role.LEAD: "Runs the project: members, milestones and budget; answers feedback and concerns.",
    Role.RESEARCHER: "A member of the research team: writes entries and answers feedback.",
    Role.CONTRIBUTOR: (
        "A public contributor: writes entries and their own accounts, signs agreements, "
        "raises concerns, confirms or disputes claims, and can leave at any time."
    ),
    Role.FUNDER: (
        "A reviewer appointed by the project's funder organisation (never by the project): "
        "reads the record, receives escalations, witnesses checkpoints."
    ),
    Role.OBSERVER: "Reads the record, for example a steering committee member.",
}


class Credit(models.TextChoices):
    NAME = "name", _("My name")
    PSEUDONYM = "pseudonym", _("My display name for this project (a pseudonym is fine)")
    ANONYMOUS = "anonymous", _("Anonymously (counted, never named)")
