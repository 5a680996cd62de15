"""Reads for the reports pages."""

from __future__ import annotations

from typing import Any

from workings.reports.models import AnnexFile, NarrativeVersion, Registration, ReplyRound


def registrations_for(*, project: Any, audiences: list[str]) -> list[Registration]:
    return list(
        Registration.objects.filter(project=project, audience__in=audiences)
        .defer("annex_json")
        .order_by("-registered_at")[:50]
    )


def latest_round(*, project: Any) -> ReplyRound | None:
    return (
        ReplyRound.objects.filter(project=project)
        .prefetch_related("answers")
        .order_by("-opened_on", "-id")
        .first()
    )


def narrative_versions(*, project: Any, limit: int = 20) -> list[NarrativeVersion]:
    return list(
        NarrativeVersion.objects.filter(project=project)
        .select_related("author")
        .order_by("-number")[:limit]
    )


def annex_file(*, project: Any, uuid: Any) -> AnnexFile | None:
    return AnnexFile.objects.defer("data").filter(project=project, uuid=uuid).first()
