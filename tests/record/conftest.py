from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _fresh_timeline_fragments() -> Iterator[None]:
    from workings.record import fragments

    fragments.clear()
    yield
    fragments.clear()
