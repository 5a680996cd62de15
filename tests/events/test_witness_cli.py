"""`workings witness URL --state FILE`, driven through Django's test client instead of a
live server (the fetch function is injectable)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.events.helpers import add_events
from tests.events.tamper import drop_triggers, sql
from workings.events import keys
from workings.events.models import Checkpoint, Log
from workings.events.witness_client import run
from workings.ledger.checkpoint import format_checkpoint, sign_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world: Any, client_for: Any) -> Any:
    world.project.is_published = True
    world.project.save(update_fields=["is_published"])
    client = client_for(None)

    def fetch(url: str) -> tuple[int, str]:
        parts = urlsplit(url)
        r = client.get(parts.path + ("?" + parts.query if parts.query else ""))
        return r.status_code, r.content.decode()

    world.fetch = fetch
    world.base = f"http://testserver/api/v1/projects/{world.project.slug}"
    return world


def witness(world: Any, state: Path, **kw: Any) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(world.base, str(state), fetch=world.fetch, out=out, err=err, **kw)
    return code, out.getvalue(), err.getvalue()


def test_first_run_fetches_the_key_and_says_so(setup: Any, tmp_path: Path) -> None:
    state = tmp_path / "w.json"
    code, out, _ = witness(setup, state)
    assert code == 0
    assert "First run: trusting the key published by the site" in out
    assert json.loads(state.read_text())["verifier_key"] == keys.verifier_key()
    add_events(setup.project, setup.users["lead"], 7)
    code, out, _ = witness(setup, state)
    assert code == 0, out
    size = Log.objects.get(project=setup.project).size
    assert out.strip().endswith("consistent with the checkpoint kept.")
    assert f"to {size:,} entries" in out
    code, out, _ = witness(setup, state)
    assert code == 0 and "unchanged" in out


def test_given_key_is_used(setup: Any, tmp_path: Path) -> None:
    code, out, _ = witness(setup, tmp_path / "w.json", key=keys.verifier_key())
    assert code == 0 and "First run" not in out


def test_rewritten_history_is_an_alarm(setup: Any, tmp_path: Path) -> None:
    state = tmp_path / "w.json"
    assert witness(setup, state)[0] == 0
    kept = state.read_text()
    log = Log.objects.get(project=setup.project)
    add_events(setup.project, setup.users["lead"], 2)
    drop_triggers()
    latest = Checkpoint.objects.filter(log=log).order_by("-size").first()
    assert latest is not None
    sql("DELETE FROM events_checkpoint WHERE id = %s", [latest.pk])
    root = bytes(32)
    note = sign_note(format_checkpoint(log.origin, latest.size, root), keys.signer_key())
    Checkpoint.objects.create(log=log, size=latest.size, root=root, note=note)
    code, _, err = witness(setup, state)
    assert code == 1
    assert err.startswith("ALARM:")
    assert state.read_text() == kept  # the alarm never replaces the kept checkpoint


def test_wrong_key_is_an_alarm(setup: Any, tmp_path: Path) -> None:
    from workings.ledger.checkpoint import generate_signer

    _, other = generate_signer("workings.test")
    code, _, err = witness(setup, tmp_path / "w.json", key=other)
    assert code == 1 and err.startswith("ALARM:")


def test_unreachable_site_is_not_an_alarm(setup: Any, tmp_path: Path) -> None:
    setup.base = "http://testserver/api/v1/projects/no-such-project"
    code, _, err = witness(setup, tmp_path / "w.json", key=keys.verifier_key())
    assert code == 2 and "ALARM" not in err
