"""The counts a closed request leaves behind (the Result row, public in the log).

Fewer than three people answering shows nothing: with one or two answers, counts would
tell a team how the one or two people it can guess answered. Comments reach the annex only
where their author ticked "you may show this comment", and only on disputed claims; they
are sorted by their words, not by when they came, so their order says nothing either."""

from __future__ import annotations

from collections import Counter
from typing import Any

from workings.verification.models import (
    MIN_ANSWERS_SHOWN,
    Answer,
    Choice,
    Result,
    VerificationRequest,
)


def tally(request: VerificationRequest) -> dict[str, Any]:
    claims = list(request.claims.filter(removed=False).order_by("number"))
    counts: dict[int, Counter[str]] = {c.pk: Counter() for c in claims}
    comments: dict[int, list[str]] = {c.pk: [] for c in claims}
    answers = Answer.objects.filter(response__request=request).values_list(
        "claim_id", "choice", "comment", "comment_in_annex"
    )
    for claim_id, choice, comment, public in answers:
        if claim_id not in counts:
            continue
        counts[claim_id][choice] += 1
        if public and comment and choice in (Choice.DISPUTE, Choice.PARTLY):
            comments[claim_id].append(comment)
    rows = []
    disputed = []
    for c in claims:
        row = {"claim": c.number, "text": c.text}
        row.update({choice: counts[c.pk][choice] for choice in Choice.values})
        rows.append(row)
        if counts[c.pk][Choice.DISPUTE]:
            disputed.append(
                {
                    "claim": c.number,
                    "text": c.text,
                    "dispute": counts[c.pk][Choice.DISPUTE],
                    "partly": counts[c.pk][Choice.PARTLY],
                    "comments": sorted(comments[c.pk]),
                }
            )
    return {
        "asked": request.recipients.count(),
        "answered": request.responses.count(),
        "counts": rows,
        "disputed": disputed,
    }


def result_write(request: VerificationRequest) -> Result:
    figures = tally(request)
    shown = figures["answered"] >= MIN_ANSWERS_SHOWN
    return Result.objects.create(
        request=request,
        asked=figures["asked"],
        answered=figures["answered"],
        shown=shown,
        counts=figures["counts"] if shown else [],
        disputed=figures["disputed"] if shown else [],
    )
