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


def test_schema_names_are_unique_across_apps() -> None:
    """The OpenAPI description names each shape by its class name: two apps' classes with one
    name would be published as one shape, and clients would read one app's fields wrongly."""
    from ninja import Schema

    seen: dict[str, str] = {}
    clashes = []

    def walk(cls: type) -> None:
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("workings."):
                where = f"{sub.__module__}.{sub.__qualname__}"
                if sub.__name__ in seen and seen[sub.__name__] != where:
                    clashes.append((sub.__name__, seen[sub.__name__], where))
                seen.setdefault(sub.__name__, where)
            walk(sub)

    walk(Schema)
    assert not clashes, f"Schema classes sharing a name (rename one): {clashes}"
