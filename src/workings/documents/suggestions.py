"""Inline suggestions: a replacement for a span of a version's words. Anyone who writes may
suggest; an owner accepts (a new version) or rejects each one."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from workings.core.exceptions import NotAllowed, NotFound, Problems, ValidationFailed
from workings.core.text import check_plain_text
from workings.documents.models import TEXT_MAX, Document, Suggestion, SuggestionStatus, Version
from workings.documents.permissions import document_policy
from workings.documents.services import _latest, _version
from workings.events.services import append_event


@transaction.atomic
def suggestion_make(
    *,
    actor: Any,
    document: Document,
    number: int,
    original: str,
    replacement: str,
    occurrence: int = 1,
) -> Suggestion:
    """Suggest replacing the words `original` (its `occurrence`-th appearance) in the
    latest version. A suggestion on an older version is refused: it would be stale."""
    project = document.project
    if not document_policy.can_write(actor, project):
        raise NotAllowed("Your role in this project does not allow suggesting changes.")
    version = _version(document, number)
    latest = _latest(document)
    if latest is not None and latest.number != number:
        raise ValidationFailed(
            f"Version {number} has been replaced by version {latest.number}: make your "
            f"suggestion on version {latest.number}.",
            field="original",
        )
    problems = Problems()  # every broken rule is reported at once
    start = -1
    if not isinstance(original, str) or not original.strip():
        problems.add("Copy the words you want to change.", field="original")
    else:
        start = _find(version.text, original, occurrence)
        if start < 0:
            problems.add(
                "We could not find those exact words in this version. Copy them from the text.",
                field="original",
            )
    new = problems.check(
        check_plain_text,
        replacement or "",
        field="replacement",
        label="Your suggestion",
        max_length=TEXT_MAX,
    )
    if new is not None and new == original:
        problems.add("Your suggestion is the same as the words now.", field="replacement")
    problems.raise_any()
    suggestion = Suggestion.objects.create(
        of_version=version,
        author=actor,
        start=start,
        end=start + len(original),
        original=original,
        replacement=new,
    )
    append_event(
        project=project,
        type="document.suggested",
        actor=actor,
        content={"document": document.pk, "number": number},
        subjects=[suggestion],
    )
    return suggestion


def _find(text: str, words: str, occurrence: int) -> int:
    at = -1
    for _ in range(max(occurrence, 1)):
        at = text.find(words, at + 1)
        if at < 0:
            return -1
    return at


def _apply(latest: Version, suggestion: Suggestion) -> str:
    """The latest text with the suggestion applied. On its own version, at its place; on a
    later version, where its words appear exactly once (else it is a conflict)."""
    text = latest.text
    if latest.pk == suggestion.of_version_id:
        return text[: suggestion.start] + suggestion.replacement + text[suggestion.end :]
    if text.count(suggestion.original) != 1:
        raise ValidationFailed(
            "The words this suggestion changes have changed since it was made. Reject it, "
            "or propose a new version by hand.",
            field="decision",
        )
    at = text.index(suggestion.original)
    return text[:at] + suggestion.replacement + text[at + len(suggestion.original) :]


@transaction.atomic
def suggestion_decide(
    *, actor: Any, document: Document, suggestion_id: int, accept: bool
) -> Suggestion:
    project = document.project
    Document.objects.select_for_update().filter(pk=document.pk).first()
    suggestion = (
        Suggestion.objects.select_for_update()
        .filter(pk=suggestion_id, of_version__document=document)
        .first()
    )
    if suggestion is None:
        raise NotFound("We could not find that suggestion.")
    if not document_policy.can_decide_suggestion(actor, project):
        raise NotAllowed("Only an owner of this document can accept or reject a suggestion.")
    if suggestion.status != SuggestionStatus.OPEN:
        raise ValidationFailed(
            f"This suggestion was already {suggestion.get_status_display().lower()}.",
            field="decision",
        )
    subjects: list[Any] = [suggestion]
    if accept:
        latest = _latest(document)
        assert latest is not None
        text = _apply(latest, suggestion)
        if len(text) > TEXT_MAX:
            raise ValidationFailed(
                f"Accepting it would make the text longer than {TEXT_MAX:,} characters.",
                field="decision",
            )
        version = Version.objects.create(
            document=document,
            number=latest.number + 1,
            based_on=latest.number,
            text=text,
            note="Accepted a suggestion",
            author=actor,
        )
        suggestion.made_version = version.number
        subjects.append(version)
    suggestion.status = SuggestionStatus.ACCEPTED if accept else SuggestionStatus.REJECTED
    suggestion.decided_by = actor
    suggestion.save(update_fields=["status", "decided_by", "made_version"])
    append_event(
        project=project,
        type="document.suggestion_accepted" if accept else "document.suggestion_rejected",
        actor=actor,
        content={"document": document.pk, "suggestion": suggestion.pk},
        subjects=subjects,
    )
    return suggestion
