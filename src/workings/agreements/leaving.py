"""The agreement's promises to someone leaving, for the leave page (projects/leaving.py):
its leaving section, what happens to their contributions and credit, and payment for work
done, from the version in force."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from workings.agreements.sections import RATE_KINDS
from workings.agreements.selectors import version_in_force


def agreement_leaving_terms(project: Any) -> list[str]:
    version = version_in_force(project)
    if version is None:
        return []
    content = version.content
    lines = []
    section = (content.get("sections") or {}).get("leaving", "").strip()
    if section:
        lines.append(section)
    leaving = content.get("leaving") or {}
    lines += [str(leaving[k]).strip() for k in ("contributions", "credit") if leaving.get(k)]
    payment = content.get("payment") or {}
    try:
        rate = Decimal(str(payment.get("rate", "0")))
    except InvalidOperation:
        rate = Decimal(0)
    if rate > 0:
        lines.append(
            _(
                "Work you have done is paid at %(rate)s %(currency)s %(kind)s, within "
                "%(days)s days of your claim, even after you leave."
            )
            % {
                "rate": rate,
                "currency": payment.get("currency", ""),
                "kind": RATE_KINDS.get(payment.get("rate_kind", ""), ""),
                "days": payment.get("payment_days", ""),
            }
        )
    return lines
