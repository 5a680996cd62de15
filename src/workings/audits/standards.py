"""The six UK Standards for Public Involvement (2019), in the order they are published, with
the short question each one asks of a project. Audit figures and self-assessments are mapped
to these keys (docs/decisions/audit-figures.md)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Standard(models.TextChoices):
    INCLUSIVE = "inclusive", _("Inclusive opportunities")
    WORKING_TOGETHER = "working_together", _("Working together")
    SUPPORT = "support", _("Support and learning")
    COMMUNICATIONS = "communications", _("Communications")
    IMPACT = "impact", _("Impact")
    GOVERNANCE = "governance", _("Governance")


QUESTIONS = {
    Standard.INCLUSIVE: _("Are the chances to take part open to the people the research needs?"),
    Standard.WORKING_TOGETHER: _("Is everyone's contribution valued, with respect on all sides?"),
    Standard.SUPPORT: _("Do people get the support and learning they need to take part?"),
    Standard.COMMUNICATIONS: _("Is communication clear, in good time, and does it go both ways?"),
    Standard.IMPACT: _("Is the difference involvement makes written down and shared?"),
    Standard.GOVERNANCE: _("Do public contributors have a real say in how the project is run?"),
}

# The answers a self-assessment gives each standard.
RATINGS = (
    (1, _("1 – Not at all")),
    (2, _("2 – A little")),
    (3, _("3 – Partly")),
    (4, _("4 – Mostly")),
    (5, _("5 – Fully")),
)
# Fewer answers than this from one side are not shown (a person's answer could be guessed).
FEWEST_SHOWN = 3
