"""Roles are per project. Their powers are decided in permissions.py, nowhere else."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    LEAD = "lead", "Lead"
    RESEARCHER = "researcher", "Researcher"
    CONTRIBUTOR = "contributor", "Public contributor"
    FUNDER = "funder", "Funder reviewer"
    OBSERVER = "observer", "Observer"


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
    NAME = "name", "My name"
    PSEUDONYM = "pseudonym", "My display name for this project (a pseudonym is fine)"
    ANONYMOUS = "anonymous", "Anonymously (counted, never named)"
