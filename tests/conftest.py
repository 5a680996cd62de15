"""Shared fixtures. Django imports stay inside the fixtures so that the pure ledger tests
run without Django at all (`pytest tests/ledger tests/verifier -p no:django`)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True, scope="session")
def _signing_key(request: Any) -> None:
    if request.config.pluginmanager.has_plugin("django"):
        try:
            from workings.events import keys
        except Exception:  # noqa: BLE001 - Django not configured: pure tests
            return
        if not keys.key_path().exists():
            keys.keys_init(name="workings.test")


@pytest.fixture(autouse=True)
def _fresh_page_bodies(request: Any) -> Any:
    """Page bodies are cached per process by the log's state; each test starts with none."""
    if not request.config.pluginmanager.has_plugin("django"):
        yield
        return
    try:
        from workings.events import fragments
    except Exception:  # noqa: BLE001 - Django not configured: pure tests
        yield
        return
    from workings.notifications import home

    fragments.clear()
    home.clear()
    yield
    fragments.clear()
    home.clear()


@pytest.fixture
def world(db: Any) -> Any:
    from tests.factories import build_world

    return build_world()


@pytest.fixture
def client_for(db: Any) -> Any:
    """client_for(user) -> a test client signed in as user (or signed out for None)."""
    from django.test import Client

    def make(user: Any) -> Any:
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make
