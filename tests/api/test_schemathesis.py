"""Every operation of the API, driven by schemathesis from our own OpenAPI description.

For each operation schemathesis generates valid and invalid requests from the schema and
sends them, in process, to the WSGI application as the lead of a real project (its slug is put
in every path that names a project). Whatever comes in: never a server error, and every
documented answer matches the documented shape and content type. test_fuzz.py adds hostile
strings; this file adds what the schema itself says may be sent.

A few examples per operation run in `make test` (derandomised, so a failure repeats); set
WORKINGS_SCHEMATHESIS_EXAMPLES for a longer run.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from workings.api.api import api

EXAMPLES = int(os.environ.get("WORKINGS_SCHEMATHESIS_EXAMPLES", "3"))
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
# Requests go in process to the application (the test database, the test transaction).
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def keep_the_test_connection() -> Any:
    """Django closes the database connection after each request it serves; in a test that
    runs inside one transaction this closes the test's own connection (on PostgreSQL). The
    test client switches this off for its requests; these requests bypass it, so do the same."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def lead_world(db: Any) -> dict[str, str]:
    from tests.factories import build_world
    from workings.accounts.services import token_create

    world = build_world()
    _, secret = token_create(actor=world.users["lead"], name="schemathesis")
    return {"slug": world.project.slug, "token": secret}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_within_its_schema(case: Any, lead_world: dict[str, str]) -> None:
    if case.path_parameters and "slug" in case.path_parameters:
        case.path_parameters["slug"] = lead_world["slug"]
    case.call_and_validate(
        headers={"Authorization": f"Bearer {lead_world['token']}"},
        checks=[not_a_server_error, content_type_conformance, response_schema_conformance],
    )
