"""Nothing under src/workings/ledger may import Django."""

from __future__ import annotations

import ast
from pathlib import Path

import workings.ledger

LEDGER = Path(workings.ledger.__file__).parent


def test_no_django_imports() -> None:
    files = sorted(LEDGER.rglob("*.py"))
    assert len(files) >= 7
    offenders = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
        text = path.read_text(encoding="utf-8")
        if 'import_module("django' in text or '__import__("django' in text:
            offenders.append(f"{path.name}: dynamic import")
    assert offenders == []


def test_only_allowed_third_party_imports() -> None:
    allowed = {"cryptography", "rfc8785"}
    # The annex verifier reads PDF annexes with pypdf, imported lazily and only for PDFs.
    optional = {"annex_verify.py": {"pypdf"}}
    import sys

    stdlib = set(sys.stdlib_module_names)
    for path in LEDGER.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                ok = top in stdlib or top in allowed or top in optional.get(path.name, set())
                assert ok or top == "__future__", (path, top)
