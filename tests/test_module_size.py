"""No module under src/workings grows past 400 lines (migrations excepted): a module that
does is split by purpose into a package or sibling modules, so each can be read whole."""

from __future__ import annotations

from pathlib import Path

import workings

MAX_LINES = 400
ROOT = Path(workings.__file__).parent


def test_no_module_is_over_400_lines() -> None:
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, f"split these modules by purpose (lines): {too_long}"
