"""Golden files: the demo's annexes and exports, byte for byte.

Why: refactors of how snapshots are written and read (docs/decisions/snapshot-contract.md)
must not change a single byte of what the demo's record says or how its annex reads. The demo
is built deterministically (a frozen clock, a fixed signing key, salts and receipt codes from
a counter, sequences reset so row ids match on SQLite and PostgreSQL), then each project's
annex (JSON, every audience) and export (`workings export` output) is compared with the
files under tests/reports/golden/.

A legitimate change to the demo (new demo data, a new section) changes these files. Rewrite
them with

    WORKINGS_UPDATE_GOLDEN=1 WORKINGS_TESTING=1 .venv/bin/pytest -q -n 0 \
        tests/reports/test_golden_demo.py

and review the diff (`git diff tests/reports/golden`) with the change that caused it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import io
import json
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("WORKINGS_UPDATE_GOLDEN") == "1"
AUDIENCES = ("public", "team", "funder")
# When the annexes are built: after everything the demo records.
BUILT_AT = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
SEED = b"workings golden demo"


def _counter_bytes(label: bytes) -> Any:
    n = [0]

    def make(size: int = 32) -> bytes:
        n[0] += 1
        out = b""
        while len(out) < size:
            out += hashlib.sha256(
                SEED + label + n[0].to_bytes(8, "big") + len(out).to_bytes(4, "big")
            ).digest()
        return out[:size]

    return make


def _replace_everywhere(monkeypatch: Any, original: Any, replacement: Any) -> None:
    """Patch every loaded workings module that imported `original` by name, so the patch
    holds wherever the function has been moved to or imported from."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("workings") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if value is original:
                monkeypatch.setattr(module, attr, replacement)


@pytest.fixture
def deterministic(monkeypatch: Any, tmp_path: Path, settings: Any) -> Iterator[None]:
    from django.apps import apps

    import workings.concerns.receipts  # noqa: F401 - loaded so its name can be patched
    import workings.events.content  # noqa: F401
    import workings.events.services  # noqa: F401
    from workings.concerns import receipts
    from workings.events import keys
    from workings.ledger import checkpoint, entry
    from workings.verifier import cosignature

    salts = _counter_bytes(b"salt")
    _replace_everywhere(monkeypatch, entry.make_salt, lambda: salts(entry.SALT_SIZE))
    codes = _counter_bytes(b"receipt")

    def new_code() -> str:
        digits = "".join(str(b % 10) for b in codes(receipts.DIGITS))
        return "-".join(
            digits[i : i + receipts.GROUP] for i in range(0, receipts.DIGITS, receipts.GROUP)
        )

    _replace_everywhere(monkeypatch, receipts.new_code, new_code)
    ids = _counter_bytes(b"uuid")
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if f.default is uuid.uuid4:
                # Django caches a field's default callable (_get_default) on first use.
                monkeypatch.setattr(f, "_get_default", lambda: uuid.UUID(bytes=ids(16), version=4))
    # Private leaving reasons are committed as an HMAC keyed with the site secret.
    settings.SECRET_KEY = "workings-golden-demo-secret-key-not-for-use-anywhere-else"
    # A fixed signing key: Ed25519 signatures are deterministic, so checkpoints are too.
    seed = hashlib.sha256(SEED + b"key").digest()

    class FixedSecrets:
        @staticmethod
        def token_bytes(size: int = 32) -> bytes:
            return seed[:size]

    settings.WORKINGS_SIGNING_KEY_FILE = str(tmp_path / "keys" / "golden.key")
    keys.signer_key.cache_clear()
    keys.verifier_key.cache_clear()
    with monkeypatch.context() as only_here:
        only_here.setattr(checkpoint, "secrets", FixedSecrets)
        keys.keys_init(name="workings.golden")
    # The Fund's witness key (cosignatures are in the exports), fixed the same way.
    witness_seed = hashlib.sha256(SEED + b"witness").digest()

    class FixedWitnessSecrets:
        @staticmethod
        def token_bytes(size: int = 32) -> bytes:
            return witness_seed[:size]

    settings.WORKINGS_WITNESS_KEY_DIR = str(tmp_path / "keys" / "witnesses")
    monkeypatch.setattr(cosignature, "secrets", FixedWitnessSecrets)
    try:
        yield
    finally:
        keys.signer_key.cache_clear()
        keys.verifier_key.cache_clear()


def _compare(name: str, text: str) -> str | None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return None
    if not path.exists():
        return f"{name}: no golden file (run with WORKINGS_UPDATE_GOLDEN=1)"
    want = path.read_text()
    if want == text:
        return None
    diff = difflib.unified_diff(
        want.splitlines(), text.splitlines(), f"golden/{name}", "now", lineterm="", n=1
    )
    return "\n".join(list(diff)[:40])


def _reset_sequences() -> None:
    """Row ids start from the same place whatever ran before: PostgreSQL's sequences are not
    rolled back with a test's transaction (SQLite's are, and needs nothing here). The
    ledger's tables refuse DELETE, so a flushing (transaction=True) test cannot be used."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


@pytest.mark.django_db
def test_demo_annexes_and_exports_match_golden_files(deterministic: None) -> None:
    from workings.core.clock import frozen_at
    from workings.core.demo import build_demo
    from workings.events.audit import export_project
    from workings.reports import annex

    _reset_sequences()
    ctx = build_demo()
    problems = []
    with frozen_at(BUILT_AT):
        for key, project in sorted(ctx.projects.items()):
            out = io.StringIO()
            export_project(project, out)
            problems.append(_compare(f"{key}.export.jsonl", out.getvalue()))
            for audience in AUDIENCES:
                doc = annex.build(project=project, audience=audience)
                text = json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
                problems.append(_compare(f"{key}.annex.{audience}.json", text))
    found = [p for p in problems if p]
    assert not found, "\n\n".join(found)
