"""Words shared across capabilities: research areas and levels of contributor influence.

The agreement promises a level per area; the working record says what actually happened;
reports compare the two. Keeping the vocabulary in one place keeps them comparable."""

from __future__ import annotations

from django.db import models


class ResearchArea(models.TextChoices):
    QUESTION = "question", "Research question"
    PRIMARY_OUTCOME = "primary_outcome", "Primary outcome"
    OUTCOME_MEASURES = "outcome_measures", "Outcome measures"
    METHODS = "methods", "Methods"
    RECRUITMENT = "recruitment", "Recruitment"
    ANALYSIS = "analysis", "Analysis"
    DISSEMINATION = "dissemination", "Dissemination"
    BUDGET = "budget", "Budget"


class InfluenceLevel(models.TextChoices):
    """Ordered from least to most contributor influence."""

    INFORMED = "informed", "Informed"
    CONSULTED = "consulted", "Consulted"
    INVOLVED = "involved", "Involved"
    COLLABORATING = "collaborating", "Collaborating"
    CONTRIBUTOR_LED = "contributor_led", "Contributor-led"


INFLUENCE_ORDER = {level: rank for rank, level in enumerate(InfluenceLevel.values)}


def influence_shortfall(promised: str | None, actual: str | None) -> bool:
    """True when contributors had less say than the agreement promised."""
    if not promised or not actual:
        return False
    return INFLUENCE_ORDER[actual] < INFLUENCE_ORDER[promised]
