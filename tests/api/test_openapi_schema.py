"""The API's shape is committed (docs/openapi.json), so a change to it is a visible,
reviewed change. After an intended change, regenerate it:

    workings export_openapi_schema --api workings.api.api.api \
        --output docs/openapi.json --indent 2 --sorted
"""

from __future__ import annotations

import json
from pathlib import Path

from workings.api.api import api

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_the_openapi_schema_matches_the_committed_one() -> None:
    current = json.loads(json.dumps(api.get_openapi_schema(), sort_keys=True, default=str))
    committed = json.loads(COMMITTED.read_text())
    assert current == committed, (
        "The API changed. If that was intended, regenerate docs/openapi.json "
        "(see this test's docstring) and commit it."
    )


def test_every_operation_has_a_summary_and_a_tag() -> None:
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            assert operation.get("tags"), f"{method.upper()} {path} has no tag"
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
