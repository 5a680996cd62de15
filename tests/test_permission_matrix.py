"""Every URL pattern x {GET, POST} x every role, checked against the hand-written matrix.

A URL pattern with no matrix entry fails the suite, so no page or endpoint can be added
without deciding who may use it. Denied means 401/403/404 or a redirect to sign-in, never
the content; allowed means anything else (a form error is still 'allowed in')."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import ROLES, build_world
from tests.matrix import Case

TESTS = Path(__file__).parent


def _load_cases() -> tuple[dict[str, Case], list[Any]]:
    cases: dict[str, Case] = {}
    setups = []
    for path in sorted(TESTS.glob("*/permission_matrix.py")):
        spec = importlib.util.spec_from_file_location(f"matrix_{path.parent.name}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        overlap = set(cases) & set(module.CASES)
        assert not overlap, f"URL names declared twice: {overlap}"
        cases.update(module.CASES)
        if hasattr(module, "setup"):
            setups.append(module.setup)
    return cases, setups


CASES, SETUPS = _load_cases()


def _url_names(patterns: Any, ns: str = "") -> list[str]:
    names = []
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns)
            names.extend(_url_names(p.url_patterns, inner))
        elif isinstance(p, URLPattern):
            names.append(
                f"{ns}:{p.name}" if ns and p.name else (p.name or f"<unnamed {p.pattern}>")
            )
    return names


ALL_NAMES = sorted(set(_url_names(get_resolver().url_patterns)))


def test_every_url_pattern_is_in_the_matrix() -> None:
    missing = [n for n in ALL_NAMES if n not in CASES]
    assert not missing, f"URL patterns with no permission-matrix entry: {missing}"
    stale = [n for n in CASES if n not in ALL_NAMES]
    assert not stale, f"Matrix entries for URLs that no longer exist: {stale}"


def _denied(response: Any) -> bool:
    if response.status_code in (401, 403, 404):
        return True
    if response.status_code in (301, 302):
        location = response.headers.get("Location", "")
        return "/accounts/login/" in location
    return False


def _request(client: Any, method: str, url: str, case: Case, world: Any) -> Any:
    data = case.post_data(world) if case.post_data else {}
    if method == "GET":
        return client.get(url)
    if case.json:
        return client.generic(method, url, json.dumps(data), content_type="application/json")
    return client.generic(
        method,
        url,
        "&".join(f"{k}={v}" for k, v in data.items()),
        content_type="application/x-www-form-urlencoded",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ALL_NAMES)
def test_matrix(name: str, client_for: Any) -> None:
    case = CASES.get(name)
    if case is None:
        pytest.fail(f"{name} has no permission-matrix entry")
    world = build_world()
    for setup in SETUPS:
        setup(world)
    url = reverse(name, kwargs=case.kwargs(world))
    expectations = {"GET": case.get, "POST": case.post, **case.other}
    failures = []
    for role in ROLES:
        user = world.user(role)
        for method, allowed in expectations.items():
            client = client_for(user)
            response = _request(client, method, url, case, world)
            if allowed is None:
                if response.status_code != 405 and not _denied(response):
                    failures.append(
                        f"{role} {method}: expected 405 or denied, got {response.status_code}"
                    )
                continue
            # Security headers on every response, allowed or refused (issue 18).
            for header in ("Permissions-Policy", "X-Content-Type-Options"):
                if header not in response.headers:
                    failures.append(f"{role} {method}: no {header} header")
            if response.status_code >= 500:
                failures.append(f"{role} {method}: server error {response.status_code}")
            elif role in allowed and _denied(response):
                failures.append(f"{role} {method}: expected allowed, got {response.status_code}")
            elif role not in allowed and not _denied(response):
                failures.append(f"{role} {method}: expected denied, got {response.status_code}")
    assert not failures, f"{name} ({url}):\n" + "\n".join(failures)
