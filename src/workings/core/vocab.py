"""Words shared across capabilities: research areas and levels of contributor influence.

The agreement promises a level per area; the working record says what actually happened;
reports compare the two. Keeping the vocabulary in one place keeps them comparable."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResearchArea(models.TextChoices):
    QUESTION = "question", _("Research question")
    PRIMARY_OUTCOME = "primary_outcome", _("Primary outcome")
    OUTCOME_MEASURES = "outcome_measures", _("Outcome measures")
    METHODS = "methods", _("Methods")
    RECRUITMENT = "recruitment", _("Recruitment")
    ANALYSIS = "analysis", _("Analysis")
    DISSEMINATION = "dissemination", _("Dissemination")
    BUDGET = "budget", _("Budget")


class InfluenceLevel(models.TextChoices):
    """Ordered from least to most contributor influence."""

    INFORMED = "informed", _("Informed")
    CONSULTED = "consulted", _("Consulted")
    INVOLVED = "involved", _("Involved")
    COLLABORATING = "collaborating", _("Collaborating")
    CONTRIBUTOR_LED = "contributor_led", _("Contributor-led")


# One plain sentence per level, shown wherever a level is used (agreement, decisions).
INFLUENCE_HELP = {
    InfluenceLevel.INFORMED: _("Contributors are told what was decided and why."),
    InfluenceLevel.CONSULTED: _("Contributors are asked for their views before the team decides."),
    InfluenceLevel.INVOLVED: _(
        "Contributors take part in the discussion and their views shape the decision."
    ),
    InfluenceLevel.COLLABORATING: _("Contributors and researchers decide together, as equals."),
    InfluenceLevel.CONTRIBUTOR_LED: _("Contributors make the decision; researchers support them."),
}

INFLUENCE_ORDER = {level: rank for rank, level in enumerate(InfluenceLevel.values)}


def influence_shortfall(promised: str | None, actual: str | None) -> bool:
    """True when contributors had less say than the agreement promised."""
    if not promised or not actual:
        return False
    return INFLUENCE_ORDER[actual] < INFLUENCE_ORDER[promised]
