"""The hooks that replace upward imports are filled at start-up by the apps above them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from workings.concerns.reminders import concern_reminders
from workings.concerns.services import raiser_membership_check
from workings.core import notify, project_access
from workings.projects import hooks
from workings.projects.access import ProjectPolicyAccess
from workings.record.reminders import feedback_reminders

ROOT = Path(__file__).resolve().parents[2]


def test_projects_plugs_its_policy_into_the_port() -> None:
    assert isinstance(project_access.project_access(), ProjectPolicyAccess)


def test_an_unplugged_port_is_an_error_not_silence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_access, "_plugged", [])
    monkeypatch.setattr(notify, "_senders", [])
    with pytest.raises(ImproperlyConfigured):
        project_access.project_access()
    with pytest.raises(ImproperlyConfigured):
        notify.notify(user_ids=[], project=None, kind="x", title="x")


def test_each_app_with_deadlines_registers_its_reminders() -> None:
    providers = notify.reminder_providers()
    assert concern_reminders in providers and feedback_reminders in providers


def test_notices_go_through_the_notifications_sender(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[dict[str, Any]] = []
    monkeypatch.setattr(
        "workings.notifications.services.notify", lambda **kw: sent.append(kw) or []
    )
    notify.notify(user_ids=[1], project=None, kind="k", title="t")
    assert sent == [{"user_ids": [1], "project": None, "kind": "k", "title": "t"}]


def test_concerns_listens_to_membership_changes() -> None:
    assert raiser_membership_check in hooks._listeners


@pytest.mark.django_db
def test_reminders_are_summed_across_providers(monkeypatch: pytest.MonkeyPatch) -> None:
    from workings.notifications import reminders

    monkeypatch.setattr(
        reminders, "reminder_providers", lambda: [lambda today, send: {"overdue": 2, "new": 1}]
    )
    monkeypatch.setattr(reminders, "digests_send", lambda: 0)
    assert reminders.reminders_send() == {
        "due_soon": 0,
        "overdue": 2,
        "feedback_overdue": 0,
        "new": 1,
        "digests": 0,
    }


@pytest.mark.slow
def test_the_layers_contract_holds() -> None:
    """The same check `make test` runs first (pyproject.toml [tool.importlinter])."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:]
