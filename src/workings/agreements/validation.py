"""Checks on a version's content. Two levels: `clean_content` for every save (shape, numbers,
no HTML) and `check_complete` before a version can be proposed (no empty sections, a full
decision table). Both raise ValidationFailed with plain-English messages naming the fields,
every problem found at once (core.exceptions.Problems); nothing is written until they pass."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from workings.agreements.sections import (
    FINAL_SAY_RULES,
    HANDLER_ROLES,
    RATE_KINDS,
    SECTION_KEYS,
    SECTION_TITLES,
)
from workings.core.exceptions import Problems, ValidationFailed
from workings.core.text import check_plain_text
from workings.core.vocab import InfluenceLevel, ResearchArea

MAX_RATE = Decimal("10000")
MAX_DAYS = 365
MAX_STAGES = 8
SECTION_MAX = 10000


def _text(value: Any, *, field: str, label: str, max_length: int = 2000) -> str:
    if value is not None and not isinstance(value, str):
        raise ValidationFailed(_("%(label)s must be text.") % {"label": label}, field=field)
    return check_plain_text(value or "", field=field, label=label, max_length=max_length)


def _days(value: Any, *, field: str, label: str) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationFailed(_("%(label)s: say how many days.") % {"label": label}, field=field)
    try:
        days = int(str(value).strip())
    except ValueError:
        raise ValidationFailed(
            _("%(label)s: enter a whole number of days.") % {"label": label}, field=field
        ) from None
    if days < 1 or days > MAX_DAYS:
        raise ValidationFailed(
            _("%(label)s: enter a number of days between 1 and %(MAX_DAYS)s.")
            % {"label": label, "MAX_DAYS": MAX_DAYS},
            field=field,
        )
    return days


def _dict(value: Any, name: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValidationFailed(
            _("The %(name)s part of the agreement is not in the right shape.") % {"name": name}
        )
    return value


def clean_stages(data: dict[str, Any]) -> dict[str, Any]:
    raw = data.get("stages") or []
    if not isinstance(raw, list):
        raise ValidationFailed(_("The stages must be a list."), field="stages")
    if len(raw) > MAX_STAGES:
        raise ValidationFailed(
            _("Use at most %(MAX_STAGES)s stages.") % {"MAX_STAGES": MAX_STAGES}, field="stages"
        )
    stages = []
    for n, stage in enumerate(raw, start=1):
        stage = _dict(stage, "stage")
        field = f"stage_{n - 1}"
        name = _text(
            stage.get("name"),
            field=f"{field}_name",
            label=_("Stage %(n)s name") % {"n": n},
            max_length=200,
        )
        if not name:
            raise ValidationFailed(_("Stage %(n)s needs a name.") % {"n": n}, field=f"{field}_name")
        role = stage.get("handler_role") or "team"
        if role not in HANDLER_ROLES:
            raise ValidationFailed(
                _("Stage %(n)s: choose who handles it from the list.") % {"n": n},
                field=f"{field}_role",
            )
        stages.append(
            {
                "name": name,
                "handler": _text(
                    stage.get("handler"),
                    field=f"{field}_handler",
                    label=_("Stage %(n)s handler") % {"n": n},
                    max_length=200,
                )
                or HANDLER_ROLES[role],
                "handler_role": role,
                "response_days": _days(
                    stage.get("response_days"),
                    field=f"{field}_days",
                    label=_("Stage %(n)s (“%(name)s”) needs a response time")
                    % {"n": n, "name": name},
                ),
            }
        )
    index = data.get("funder_stage_index", 0)
    try:
        index = int(index)
    except (TypeError, ValueError):
        raise ValidationFailed(
            _("Choose the stage from which a contributor may go to the funder."),
            field="funder_stage",
        ) from None
    if stages and not 0 <= index < len(stages):
        raise ValidationFailed(
            _("The stage from which a contributor may go to the funder must be one of the stages."),
            field="funder_stage",
        )
    return {
        "stages": stages,
        "independent_person": _text(
            data.get("independent_person"),
            field="independent_person",
            label=_("Independent person"),
            max_length=200,
        ),
        "funder_stage_index": index if stages else 0,
    }


def _rate(data: dict[str, Any], kind: str) -> str:
    try:
        rate = Decimal(str(data.get("rate", "")).strip() or "x")
    except InvalidOperation:
        raise ValidationFailed(
            _("Enter the rate as a number, such as 25.00."), field="rate"
        ) from None
    if not rate.is_finite():
        raise ValidationFailed(_("Enter the rate as a number, such as 25.00."), field="rate")
    if rate < 0:
        raise ValidationFailed(_("The rate cannot be negative."), field="rate")
    if rate > MAX_RATE:
        raise ValidationFailed(
            _("A rate of %(rate)s %(kind)s looks like a mistake: the most we accept is %(most)s.")
            % {
                "rate": number_format(rate, force_grouping=True),
                "kind": RATE_KINDS.get(kind, ""),
                "most": number_format(MAX_RATE, force_grouping=True),
            },
            field="rate",
        )
    return str(rate.quantize(Decimal("0.01")))


def clean_payment(data: dict[str, Any]) -> dict[str, Any]:
    """The payment section, every problem in it reported at once."""
    problems = Problems()
    kind = data.get("rate_kind") or "hourly"
    if kind not in RATE_KINDS:
        problems.add(_("Choose hourly or per activity."), field="rate_kind")
    rate = problems.check(_rate, data, kind)
    currency = str(data.get("currency") or "").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        problems.add(_("Enter the currency as a three-letter code, such as GBP."), field="currency")
    cleaned = {
        "rate_kind": kind,
        "rate": rate,
        "currency": currency,
        "expenses_policy": problems.check(
            _text,
            data.get("expenses_policy"),
            field="expenses_policy",
            label=_("Expenses policy"),
            max_length=4000,
        ),
        "payment_days": problems.check(
            _days,
            data.get("payment_days"),
            field="payment_days",
            label=_("Days within which payments are made"),
        ),
    }
    problems.raise_any()
    return cleaned


def clean_documents(data: dict[str, Any], *, eligible: set[int] | None) -> dict[str, Any]:
    """Owners of co-owned documents (user ids of members) and the final-say rule. An empty
    owner list is allowed here; approving is then refused with a message saying why."""
    rule = data.get("final_say") or "all"
    if rule not in FINAL_SAY_RULES:
        raise ValidationFailed(
            "Choose how a document's version becomes approved from the list.", field="final_say"
        )
    owners = data.get("owners") or []
    if not isinstance(owners, list):
        raise ValidationFailed("Owners must be a list of members.", field="document_owners")
    try:
        owner_ids = sorted({int(i) for i in owners})
    except (TypeError, ValueError):
        raise ValidationFailed(
            "Owners of documents must be members of the project.", field="document_owners"
        ) from None
    if eligible is not None and not set(owner_ids) <= eligible:
        raise ValidationFailed(
            "Only current members of the project can own documents.", field="document_owners"
        )
    return {"final_say": rule, "owners": owner_ids}


def _rights(content: dict[str, Any], problems: Problems) -> dict[str, str]:
    rights = {}
    for area, level in _dict(content.get("decision_rights"), "decision rights").items():
        if area not in ResearchArea.values:
            raise ValidationFailed(
                _("Unknown research area: %(area)s.") % {"area": area}, field="decision_rights"
            )
        if not level:
            continue
        if level not in InfluenceLevel.values:
            problems.add(
                _("%(label)s: choose a level from the list.") % {"label": ResearchArea(area).label},
                field=f"right_{area}",
            )
            continue
        rights[area] = level
    return {a: rights[a] for a in ResearchArea.values if a in rights}


def _named(content: dict[str, Any], eligible_named: set[int] | None) -> list[int]:
    named = content.get("named_parties") or []
    if not isinstance(named, list):
        raise ValidationFailed(_("Named parties must be a list of members."), field="named_parties")
    try:
        named_ids = sorted({int(i) for i in named})
    except (TypeError, ValueError):
        raise ValidationFailed(
            _("Named parties must be members of the project."), field="named_parties"
        ) from None
    if eligible_named is not None and not set(named_ids) <= eligible_named:
        raise ValidationFailed(
            _("Only current members of the project can be named as parties."), field="named_parties"
        )
    return named_ids


def clean_content(content: Any, *, eligible_named: set[int] | None = None) -> dict[str, Any]:
    """Normalise a whole version's content. Every problem found is raised together (one
    ValidationFailed carrying them all), so the page lists them at once; only a content
    of the wrong shape (from the API) stops at the first."""
    content = _dict(content, "whole")
    sections = _dict(content.get("sections"), "sections")
    unknown = set(sections) - set(SECTION_KEYS)
    if unknown:
        raise ValidationFailed(_("Unknown section: %(value)s.") % {"value": sorted(unknown)[0]})
    problems = Problems()
    clean_sections = {
        key: problems.check(
            _text,
            sections.get(key),
            field=f"section_{key}",
            label=SECTION_TITLES[key],
            max_length=SECTION_MAX,
        )
        for key in SECTION_KEYS
    }
    communication = _dict(content.get("communication"), "communication")
    leaving = _dict(content.get("leaving"), "leaving")
    cleaned = {
        "sections": clean_sections,
        "decision_rights": _rights(content, problems),
        "procedure": problems.check(
            clean_stages, _dict(content.get("procedure"), "disagreement procedure")
        ),
        "payment": problems.check(clean_payment, _dict(content.get("payment"), "payment")),
        "communication": {
            "feedback_response_days": problems.check(
                _days,
                communication.get("feedback_response_days", 14),
                field="feedback_response_days",
                label=_("Days within which feedback is answered"),
            )
        },
        "leaving": {
            "contributions": problems.check(
                _text,
                leaving.get("contributions"),
                field="leaving_contributions",
                label=_("What happens to contributions after leaving"),
            ),
            "credit": problems.check(
                _text,
                leaving.get("credit"),
                field="leaving_credit",
                label=_("Credit after leaving"),
            ),
        },
        "named_parties": problems.check(_named, content, eligible_named),
        "documents": problems.check(
            clean_documents, _dict(content.get("documents"), "documents"), eligible=eligible_named
        ),
    }
    problems.raise_any()
    return cleaned


def check_complete(content: dict[str, Any]) -> None:
    """Before proposing: every section written, every area given a level, a procedure, and
    what leaving means; every gap reported at once."""
    problems = Problems()
    empty_keys = [k for k in SECTION_KEYS if not content["sections"].get(k, "").strip()]
    empty = [str(SECTION_TITLES[k]) for k in empty_keys]
    if empty:
        problems.add(
            _(
                "Every section needs some words before the agreement can be proposed. Still "
                "empty: %(value)s."
            )
            % {"value": ", ".join(empty)},
            field=f"section_{empty_keys[0]}",
        )
    missing = [
        str(ResearchArea(a).label)
        for a in ResearchArea.values
        if a not in content["decision_rights"]
    ]
    if missing:
        problems.add(
            _(
                "Say how much say contributors have in every research area. Still to choose: "
                "%(value)s."
            )
            % {"value": ", ".join(missing)},
            field="decision_rights",
        )
    if not content["procedure"]["stages"]:
        problems.add(_("The disagreement procedure needs at least one stage."), field="stages")
    leaving = content["leaving"]
    if not leaving["contributions"] or not leaving["credit"]:
        problems.add(
            _("Say what happens to a contributor's contributions and credit when they leave."),
            field="leaving_contributions",
        )
    problems.raise_any()
