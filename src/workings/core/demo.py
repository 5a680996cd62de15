"""The fictional demo: each app adds its part through `<app>/demo.py: build(ctx)`.

Apps run in DEMO_ORDER (lower first), so later capabilities can build on earlier data. An
app's demo module may also define `prepare()` (run before every `workings demo`, e.g. the log's
signing key), `demo_exists()` (is its part already built?) and `finish(ctx)` (run, in the same
order, once every part is built: for steps that need the whole demo recorded, such as a
witness cosigning each project's newest checkpoint). Core finds them by name, so it never
imports the apps above it.
"""

from __future__ import annotations

import datetime as dt
import json
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model

from workings.core.clock import frozen_at

DEMO_PASSWORD = "stride-demo-2026"  # noqa: S105 - the fictional demo's published password


@dataclass
class DemoContext:
    """What the builders share: people by key, projects by key, and the logins to print."""

    people: dict[str, Any] = field(default_factory=dict)
    projects: dict[str, Any] = field(default_factory=dict)
    logins: list[dict[str, str]] = field(default_factory=list)
    password: str = DEMO_PASSWORD


def demo_time(year: int, month: int, day: int, hour: int = 10) -> AbstractContextManager[None]:
    """The clock stopped at this hour (UTC) while one step of the demo is recorded."""
    return frozen_at(dt.datetime(year, month, day, hour, 0, tzinfo=dt.UTC))


def demo_day(day: str, hour: int) -> AbstractContextManager[None]:
    """demo_time for a day written as 2024-09-16."""
    d = dt.date.fromisoformat(day)
    return demo_time(d.year, d.month, d.day, hour)


def demo_person(ctx: DemoContext, email: str, name: str) -> Any:
    """The demo person with this address, made (with a verified address) the first time."""
    from allauth.account.models import EmailAddress

    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        user = user_model.objects.create_user(email=email, password=ctx.password, display_name=name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def builders() -> list[Any]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("workings."):
            continue
        name = f"{config.name}.demo"
        if name == __name__ or find_spec(name) is None:  # this module is the runner, not a part
            continue
        module = import_module(name)
        if any(hasattr(module, h) for h in ("build", "prepare", "demo_exists", "finish")):
            found.append(module)
    return sorted(found, key=lambda m: getattr(m, "DEMO_ORDER", 100))


def prepare_demo() -> None:
    for module in builders():
        if hasattr(module, "prepare"):
            module.prepare()


def demo_exists() -> bool:
    return any(m.demo_exists() for m in builders() if hasattr(m, "demo_exists"))


def build_demo() -> DemoContext:
    ctx = DemoContext()
    parts = builders()
    for module in parts:
        if hasattr(module, "build"):
            module.build(ctx)
    for module in parts:
        if hasattr(module, "finish"):
            module.finish(ctx)
    return ctx


def write_logins(ctx: DemoContext) -> Path:
    path = Path(settings.VAR_DIR) / "demo-logins.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(ctx.logins, indent=2) + "\n")
    return path
