"""Raising a concern (with an account, or anonymously with a receipt code) and finding one
by its receipt. Each write is one transaction that validates first, writes new rows and
appends the ledger event: sealed for confidential and anonymous concerns.

The anonymous raiser has no account: their steps take the receipt code instead of an actor,
are recorded with actor=None and keep times only to the day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workings.concerns import limits, notices, receipts
from workings.concerns.models import (
    SEALED_MODES,
    Concern,
    LinkKind,
    Mode,
)
from workings.concerns.permissions import require
from workings.concerns.procedure import route_for
from workings.core import clock
from workings.core.exceptions import NotFound, Problems, ValidationFailed
from workings.core.text import required_text
from workings.events.services import append_event
from workings.projects.permissions import project_policy
from workings.record import selectors as record_selectors

ANONYMOUS = object()  # stands for the anonymous raiser, proven by their receipt code

# Anonymous concerns are sealed and can never be erased, so a flood of them could bury the
# real ones: each project takes a few an hour (counted per project, no address kept).
ANONYMOUS_PER_HOUR = 5
ANONYMOUS_RAISED = limits.Limit(
    purpose="raised", window=dt.timedelta(hours=1), limit=ANONYMOUS_PER_HOUR
)


def _anonymous_allowed(project: Any) -> None:
    taken = limits.take(project.pk, ANONYMOUS_RAISED)
    if isinstance(taken, limits.Refused):
        minutes = taken.minutes()
        raise ValidationFailed(
            ngettext(
                "More anonymous concerns than usual have been sent for this project in the last "
                "hour, so we are not taking more for a short while. Nothing has been sent. "
                "Please try again in %(n)d minute.",
                "More anonymous concerns than usual have been sent for this project in the last "
                "hour, so we are not taking more for a short while. Nothing has been sent. "
                "Please try again in %(n)d minutes.",
                minutes,
            )
            % {"n": minutes}
        )


def _day(moment: dt.datetime) -> dt.datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def _moment(concern: Concern) -> dt.datetime:
    now = clock.now()
    return _day(now) if concern.mode == Mode.ANONYMOUS else now


def _parse_link(project: Any, link: str) -> tuple[str, int | None]:
    link = (link or "").strip()
    if not link:
        return "", None
    kind, _colon, raw_id = link.partition(":")
    if kind not in LinkKind.values or not raw_id.isdigit():
        raise ValidationFailed(
            _(
                "A link must name a feedback item, decision, disagreement or meeting, "
                "like “decision:12”."
            ),
            field="link",
        )
    # The record app has no linkable_item yet: until it does, a link is refused clearly.
    finder = getattr(record_selectors, "linkable_item", None)
    if finder is None:
        raise ValidationFailed(
            _(
                "Links to the working record are not available yet. Describe the item in "
                "“What happened” instead."
            ),
            field="link",
        )
    item = finder(project, kind, int(raw_id))
    item_project = getattr(item, "project_id", project.pk) if item is not None else None
    if item is None or item_project != project.pk:
        raise ValidationFailed(
            _("There is no %(value)s %(raw_id)s in this project.")
            % {"value": LinkKind(kind).label.lower(), "raw_id": raw_id},
            field="link",
        )
    return kind, int(raw_id)


def _record(
    concern: Concern,
    type_: str,
    actor: Any,
    content: dict[str, Any],
    *subjects: Any,
    sealed: bool = False,
) -> None:
    append_event(
        project=concern.project,
        type=type_,
        actor=None if actor is ANONYMOUS else actor,
        content={"concern": concern.pk, **content},
        subjects=[concern, *subjects],
        sealed=sealed or concern.mode in SEALED_MODES,
        at=_moment(concern),
    )


def _new_concern(
    *,
    project: Any,
    mode: str,
    raised_by: Any,
    data: dict[str, Any],
    problems: Problems | None = None,
) -> Concern:
    """Every field checked, every broken rule reported at once (with any the caller found)."""
    problems = problems if problems is not None else Problems()
    fields = {
        "subject": problems.check(
            required_text, data.get("subject"), field="subject", label=_("Subject"), max_length=200
        ),
        "what_happened": problems.check(
            required_text,
            data.get("what_happened"),
            field="what_happened",
            label=_("What happened"),
            max_length=10000,
        ),
        "outcome_wanted": problems.check(
            required_text,
            data.get("outcome_wanted"),
            field="outcome_wanted",
            label=_("The outcome you want"),
            max_length=5000,
        ),
    }
    link = problems.check(_parse_link, project, data.get("link", ""))
    problems.raise_any()
    link_kind, link_id = link or ("", None)
    route = route_for(project, sealed=mode in SEALED_MODES)
    now = clock.now()
    concern = Concern(
        project=project,
        mode=mode,
        raised_by=raised_by,
        link_kind=link_kind,
        link_id=link_id,
        raised_on=now.date(),
        raised_at=_day(now) if mode == Mode.ANONYMOUS else now,
        stages=route.stages,
        procedure_is_default=route.is_default,
        procedure_version_id=route.version_id,
        independent_person=route.independent_person,
        route=route.route,
        stage_index=0,
        handler_role=route.stages[0]["handler_role"],
        stage_started_on=now.date(),
        **fields,
    )
    concern.full_clean(exclude=["receipt_hash", "last_event_seq"])
    return concern


def _announce_new(concern: Concern) -> None:
    first = notices.handlers(concern)
    notices.later(
        concern,
        notices.audience(concern) - ({concern.raised_by_id} if concern.raised_by_id else set()),
        kind="concern.raised",
        title=f"New: {notices.label(concern)}",
        due_on=concern.stage_due_on,
        due_to=first,
    )


@transaction.atomic
def concern_raise(*, actor: Any, project: Any, mode: str, **data: Any) -> Concern:
    """Raise an open or confidential concern as a member. Anonymous: concern_raise_anonymous."""
    require(
        project_policy.can(actor, "raise_concern", project),
        "Only members of this project can raise a concern here.",
    )
    problems = Problems()  # every broken rule is reported at once
    if mode not in (Mode.OPEN, Mode.CONFIDENTIAL):
        problems.add(_("Choose open, confidential or anonymous."), field="mode")
    concern = _new_concern(
        project=project, mode=mode, raised_by=actor, data=data, problems=problems
    )
    concern.save()
    _record(concern, "concern.raised", actor, {"mode": mode})
    _announce_new(concern)
    return concern


@transaction.atomic
def concern_raise_anonymous(*, project: Any, **data: Any) -> tuple[Concern, str]:
    """No account, no address, no time of day. Returns the concern and its receipt code,
    which is shown once and never stored. A few are taken per project an hour; the count is
    part of this transaction, so a refused or invalid concern does not use one up."""
    concern = _new_concern(project=project, mode=Mode.ANONYMOUS, raised_by=None, data=data)
    _anonymous_allowed(project)
    code = receipts.new_code()
    concern.receipt_hash = receipts.code_hash(project.pk, code)
    concern.save()
    _record(concern, "concern.raised", ANONYMOUS, {"mode": Mode.ANONYMOUS})
    _announce_new(concern)
    return concern, code


def concern_by_receipt(*, project: Any, code: str) -> Concern:
    """The anonymous concern a receipt code belongs to. A wrong code, a malformed one and
    one for a concern elsewhere all get the same answer; wrong guesses are counted, and
    slowed then paused per project (receipts.GUESSES)."""
    taken = receipts.take_check(project.pk)
    concern = None
    if receipts.normalise(code) is not None:
        concern = (
            Concern.objects.select_related("project")
            .filter(
                project=project,
                mode=Mode.ANONYMOUS,
                receipt_hash=receipts.code_hash(project.pk, code),
            )
            .first()
        )
    if concern is None:
        # The check was counted before the code was looked at (receipts.take_check), in its
        # own statement outside the callers' transactions, so the refusal cannot undo it.
        raise NotFound(receipts.WRONG_CODE)
    receipts.right_code(taken)
    return concern
