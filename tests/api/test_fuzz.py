"""A fuzz pass over every API write endpoint (hypothesis).

The endpoints are read from the API itself (its OpenAPI description and its routers), so a new
endpoint is fuzzed without anyone editing this file. Each is called by a person allowed to
use it, with hostile text (lone surrogates, NUL, control characters, newlines, right-to-left
marks, emoji, very long text) and hostile integers (negative, 0, 2**63, 2**70) in every body
field and path parameter. Whatever comes in, the answer is never a server error, and a refusal
carries a plain-English message.

A few examples per endpoint run in `make test`; set WORKINGS_FUZZ_EXAMPLES for a longer run.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workings.accounts.api_auth import ProjectAccess
from workings.api.api import api

EXAMPLES = int(os.environ.get("WORKINGS_FUZZ_EXAMPLES", "4"))
PREFIX = "/api/v1"
UNSAFE = re.compile(r"[\x00\ud800-\udfff]")

HOSTILE_TEXT = [
    "\ud800",
    "a\udfffb",
    "nul\x00byte",
    "line one\nline two",
    "Subject\r\nBcc: everyone@example.org",
    "\x07\x1b[31mred\x1b[0m",
    "\u202eevil\u202c right-to-left",
    "\u2028line separator\u2029",
    "🙂👩🏽‍🦯",
    "x" * 100_000,
    "   ",
    "",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://evil.example")',
    "\ufeff\u200b",
]
HOSTILE_INTS = [-(2**70), -(2**63) - 1, -1, 0, 1, 2**31, 2**63 - 1, 2**63, 2**64, 2**70]
PLAIN = ["Plain words", "someone@example.org", "contributor", "lead", "2026-03-01", "1", "GBP"]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(st.characters(blacklist_categories=()), max_size=30),
    st.builds(lambda a, b: a + b, st.sampled_from(PLAIN), st.sampled_from(HOSTILE_TEXT[:9])),
)
hostile_int = st.one_of(st.sampled_from(HOSTILE_INTS), st.integers())
some_text = st.one_of(st.sampled_from(PLAIN), hostile_text)
some_int = st.one_of(st.integers(min_value=1, max_value=12), hostile_int)


def _operations(*, reads: bool = False) -> list[tuple[str, str, dict[str, Any]]]:
    """Every write endpoint; with reads=True, every read endpoint that takes a parameter
    besides the project's address."""
    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            if (method == "get") != reads:
                continue
            params = [
                p for p in operation.get("parameters", []) if p["name"] not in ("slug", "key")
            ]
            if reads and not params:
                continue
            found.append((method.upper(), path, operation))
    return found


def _action_of(method: str, path: str) -> str | None:
    """The project action the endpoint's authentication asks for, if any."""
    for prefix, router in api._routers:
        for route, path_view in router.path_operations.items():
            full = "/" + "/".join(p.strip("/") for p in (PREFIX, prefix, route) if p.strip("/"))
            if full != path:
                continue
            for op in path_view.operations:
                if method in op.methods:
                    for auth in op.auth_callbacks:
                        if isinstance(auth, ProjectAccess):
                            return auth.action
    return None


OPERATIONS = _operations()
READS = _operations(reads=True)
SCHEMAS = api.get_openapi_schema().get("components", {}).get("schemas", {})


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return _resolve(SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]])
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _resolve(schema["allOf"][0])
    return schema


def _value(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    schema = _resolve(schema)
    if "anyOf" in schema:
        return st.one_of([_value(s, depth) for s in schema["anyOf"]])
    kind = schema.get("type")
    if kind == "string":
        if "enum" in schema:
            return st.one_of(st.sampled_from(schema["enum"]), hostile_text)
        return some_text
    if kind == "integer":
        return some_int
    if kind == "number":
        return st.one_of(
            st.sampled_from(["1", "2.5", 2**70, -1, "NaN", "Infinity", "1e999", 1e308]),
            hostile_text,
        )
    if kind == "boolean":
        return st.one_of(st.booleans(), hostile_text)
    if kind == "array":
        return st.lists(_value(schema.get("items", {}), depth + 1), max_size=3)
    if kind == "object" and depth < 3:
        return _body(schema, depth + 1)
    if kind == "null":
        return st.none()
    return st.one_of(some_text, some_int, st.none())


def _body(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    schema = _resolve(schema)
    props = schema.get("properties", {})
    required = set(schema.get("required", []))
    return st.fixed_dictionaries(
        {k: _value(v, depth) for k, v in props.items() if k in required},
        optional={k: _value(v, depth) for k, v in props.items() if k not in required},
    )


def _request(operation: dict[str, Any]) -> st.SearchStrategy[tuple[dict[str, Any], Any]]:
    params = {
        p["name"]: _value(p["schema"])
        for p in operation.get("parameters", [])
        if p["in"] in ("path", "query") and p["name"] not in ("slug", "key")
    }
    content = operation.get("requestBody", {}).get("content", {})
    body = (
        _body(content["application/json"]["schema"])
        if "application/json" in content
        else st.just(None)
    )
    return st.tuples(st.fixed_dictionaries(params), body)


@pytest.fixture
def fuzz_world(world: Any) -> Any:
    """The permission-matrix world with something of every kind to aim at."""
    from tests.concerns import helpers as ch
    from tests.record import helpers as rh
    from workings.accounts.services import token_create
    from workings.concerns.selectors import anonymous_key

    rh.feedback(world)
    rh.meeting(world)
    rh.disagreement(world)
    rh.account(world)
    ch.raise_open(world)
    world.extra["tokens"] = {}
    for role in ("lead", "contributor", "researcher", "funder", "observer"):
        _, raw = token_create(actor=world.users[role], name="fuzz")
        world.extra["tokens"][role] = raw
    world.extra["anonymous_key"] = anonymous_key(world.project)
    return world


def _role_for(world: Any, action: str | None) -> str:
    from workings.projects.permissions import project_policy

    if action is None:
        return "lead"
    for role in ("lead", "contributor", "researcher", "funder", "observer"):
        if project_policy.can(world.users[role], action, world.project):
            return role
    return "lead"


def _bytes_quoted(value: Any) -> str:
    """As a client would send it: UTF-8, percent-encoded, half characters and all."""
    text = value if isinstance(value, str) else json.dumps(value)
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)] + [str(k) for k in value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _check(response: Any, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code}"
    if not response.get("Content-Type", "").startswith("application/json"):
        return
    data = json.loads(response.content)
    for text in _strings(data):
        assert not UNSAFE.search(text), f"{where}: answered with a NUL or a surrogate: {text!r}"
    if response.status_code >= 400:
        detail = data.get("detail") if isinstance(data, dict) else None
        assert isinstance(detail, str) and detail.strip(), f"{where}: no message: {data!r}"
        assert len(detail) < 2000, f"{where}: a message too long to read: {detail[:200]!r}"
        for machine_words in ("Traceback", "{'type'", "ctx", "pydantic", "errors.pydantic.dev"):
            assert machine_words not in detail, f"{where}: not plain English: {detail!r}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "operation"),
    OPERATIONS,
    ids=[f"{m} {p.removeprefix(PREFIX)}" for m, p, _ in OPERATIONS],
)
def test_no_write_endpoint_gives_a_server_error(
    fuzz_world: Any, method: str, path: str, operation: dict[str, Any]
) -> None:
    _fuzz(fuzz_world, method, path, operation)


def _fuzz(world: Any, method: str, path: str, operation: dict[str, Any]) -> None:
    role = _role_for(world, _action_of(method, path))
    client = Client()
    headers = {"authorization": f"Bearer {world.extra['tokens'][role]}"}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(_request(operation))
    def attempt(request: tuple[dict[str, Any], Any]) -> None:
        params, body = request
        url = path.replace("{slug}", world.project.slug).replace(
            "{key}", world.extra["anonymous_key"]
        )
        query = []
        for name, value in params.items():
            if "{" + name + "}" in url:
                url = url.replace("{" + name + "}", _bytes_quoted(value))
            elif value is not None:
                query.append(f"{name}={_bytes_quoted(value)}")
        if method == "GET":
            response = client.get(url + "?" + "&".join(query), headers=headers)
        else:
            response = client.generic(
                method,
                url,
                json.dumps(body if body is not None else {}),
                content_type="application/json",
                headers=headers,
            )
        _check(response, f"{method} {url} {query} {json.dumps(body)[:300]}")

    attempt()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "operation"),
    READS,
    ids=[f"{m} {p.removeprefix(PREFIX)}" for m, p, _ in READS],
)
def test_no_read_endpoint_gives_a_server_error(
    fuzz_world: Any, method: str, path: str, operation: dict[str, Any]
) -> None:
    """Hostile query and path parameters on the reads (ids, sizes, cursors, filters)."""
    _fuzz(fuzz_world, method, path, operation)


def test_every_write_endpoint_is_fuzzed() -> None:
    """The list above comes from the API: a new endpoint joins it by itself."""
    assert len(OPERATIONS) >= 40
    assert ("POST", PREFIX + "/projects/{slug}/record/feedback") in {
        (m, p) for m, p, _ in OPERATIONS
    }
    assert _action_of("POST", PREFIX + "/projects/{slug}/record/feedback") == "write_entries"
