"""The ledger core and the verifier are pure Python: no Django, few dependencies, clear layers.

``workings.ledger`` is the core (tree, proofs, notes, entry encoding); ``workings.verifier``
is what a checker runs on top of it. Neither may import Django, the core may not import the
verifier, no module takes another's private names, and the core stays small enough to read
in one sitting.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import workings.ledger
import workings.verifier

LEDGER = Path(workings.ledger.__file__).parent
VERIFIER = Path(workings.verifier.__file__).parent
PACKAGES = [pytest.param(LEDGER, id="ledger"), pytest.param(VERIFIER, id="verifier")]
CORE_MAX_LINES = 1000


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(absolute module, imported names) for every import in the file."""
    package = "workings." + path.parent.name
    out: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.rsplit(".", node.level - 1)[0]
                module = f"{base}.{module}" if module else base
            out.append((module, [a.name for a in node.names]))
    return out


@pytest.mark.parametrize("package", PACKAGES)
def test_no_django_imports(package: Path) -> None:
    files = sorted(package.rglob("*.py"))
    assert len(files) >= 5
    offenders = []
    for path in files:
        offenders += [
            f"{path.name}: {mod}" for mod, _ in _imports(path) if mod.split(".")[0] == "django"
        ]
        text = path.read_text(encoding="utf-8")
        if 'import_module("django' in text or '__import__("django' in text:
            offenders.append(f"{path.name}: dynamic import")
    assert offenders == []


@pytest.mark.parametrize("package", PACKAGES)
def test_only_allowed_third_party_imports(package: Path) -> None:
    allowed = {"cryptography", "rfc8785", "workings"}
    # The annex verifier reads PDF annexes with pypdf, imported lazily and only for PDFs.
    optional = {"annex.py": {"pypdf"}}
    stdlib = set(sys.stdlib_module_names)
    for path in package.rglob("*.py"):
        for mod, _ in _imports(path):
            top = mod.split(".")[0]
            ok = top in stdlib or top in allowed or top in optional.get(path.name, set())
            assert ok or top == "__future__", (path, top)


@pytest.mark.parametrize("package", PACKAGES)
def test_workings_imports_stay_in_their_layer(package: Path) -> None:
    # The core imports only itself; the verifier imports itself and the core.
    layers = {"ledger": ("ledger",), "verifier": ("ledger", "verifier")}[package.name]
    for path in package.rglob("*.py"):
        for mod, _ in _imports(path):
            parts = mod.split(".")
            if parts[0] == "workings":
                assert len(parts) > 1 and parts[1] in layers, (path.name, mod)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_takes_another_modules_private_names(package: Path) -> None:
    offenders = []
    for path in package.rglob("*.py"):
        for mod, names in _imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if mod.startswith("workings") and private:
                offenders.append(f"{path.name}: {mod} {private}")
            if any(p.startswith("_") and not p.startswith("__") for p in mod.split(".")):
                offenders.append(f"{path.name}: {mod}")
    assert offenders == []


def test_the_core_can_be_read_in_one_sitting() -> None:
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in LEDGER.glob("*.py"))
    assert lines < CORE_MAX_LINES, f"workings.ledger has {lines} lines; keep it a small core"


def test_the_verifier_runs_without_django_loaded(tmp_path: Path) -> None:
    """A funder's laptop: importing and running the verifier never loads Django."""
    code = (
        "import sys\n"
        "from workings.verifier import annex, cli, export, parallel, verify, witness\n"
        "from workings.ledger import canonical, checkpoint, entry, hashing, merkle\n"
        f"status = cli.main(['verify', {str(tmp_path / 'missing.jsonl')!r}, '--key', 'k'])\n"
        "assert status == 2, status\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'django')\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]", done.stdout
