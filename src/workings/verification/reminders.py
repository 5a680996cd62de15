"""Verification requests for `workings send-reminders` (registered in apps.py): a request
past its deadline is closed (its counts written); those who have not answered are reminded
a week and two days before the deadline (a former contributor by e-mail, with a new link)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.verification import services
from workings.verification.models import Status, VerificationRequest

REMIND_DAYS_BEFORE = (7, 2)


def verification_reminders(today: dt.date, notify: Any) -> dict[str, int]:
    closed = reminded = 0
    open_rows = VerificationRequest.objects.filter(status=Status.OPEN).select_related("project")
    for request in open_rows.order_by("id"):
        if request.deadline < today:
            services.request_close(actor=None, request=request)
            closed += 1
        elif (request.deadline - today).days in REMIND_DAYS_BEFORE:
            reminded += services.request_remind(actor=None, request=request)
    return {"verification_closed": closed, "verification_reminded": reminded}
