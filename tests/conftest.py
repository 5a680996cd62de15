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
    from workings.accounts import header
    from workings.notifications import home

    fragments.clear()
    home.clear()
    header.clear()
    yield
    fragments.clear()
    home.clear()
    header.clear()


@pytest.fixture(scope="module")
def demo_once(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """The fictional demo, built once for a whole test module (building it takes seconds)
    inside a transaction that is rolled back after the module's last test. Ask for `db`
    too: each test then runs in a savepoint of its own, so whatever it changes is undone
    before the next test sees the demo."""
    from django.db import transaction

    from workings.core.demo import build_demo

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_demo()
        transaction.set_rollback(True)


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


# Fixtures through which a test reaches the database (directly or through another fixture).
# (Not django_db_blocker: pytest-django's own autouse fixtures ask for it in every test.)
# `database` is the fresh database the multi-process tests share with their subprocesses.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "database"}
DATABASE_MARKERS = ("django_db", "database", "deploy")


def _leave_out_tests_without_a_database(config: Any, items: list[Any]) -> None:
    """With WORKINGS_DATABASE_TESTS_ONLY=1 (scripts/test.sh sets it for the second run, on
    PostgreSQL), leave out the tests that never touch a database: they ran on SQLite
    already, and a second database cannot change what they find. A test that reaches the
    database some other way (a subprocess, say) says so with @pytest.mark.database."""
    import os

    if os.environ.get("WORKINGS_DATABASE_TESTS_ONLY") != "1":
        return
    kept, left_out = [], []
    for item in items:
        reaches = any(item.get_closest_marker(m) for m in DATABASE_MARKERS) or bool(
            DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        # The multi-process tests' SQLite case ran in the SQLite run already.
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("database") == "sqlite":
            reaches = False
        (kept if reaches else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


# Long modules are handed to the workers first, so that no worker is left running one of
# them alone at the end of the run while the other waits.
LONG_MODULES = (
    "tests/audience/test_audience_crawl.py",
    "tests/events/test_tamper_every_field.py",
    "tests/api/test_schemathesis.py",
    "tests/browser/test_axe_crawl.py",
    "tests/browser/test_phone_crawl.py",
)
LONG_MARKERS = ("slow", "deploy", "crawl")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: Any, config: Any, items: list[Any]) -> None:
    _leave_out_tests_without_a_database(config, items)
    long_files = {
        str(item.path)
        for item in items
        if str(item.path).endswith(LONG_MODULES)
        or any(item.get_closest_marker(m) for m in LONG_MARKERS)
    }
    items.sort(key=lambda item: str(item.path) not in long_files)  # stable: order kept within
