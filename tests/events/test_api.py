"""The log API: checkpoint, entries, proofs (checked with the pure verifier), erasure."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.events.helpers import add_events
from workings.events import keys
from workings.events.models import Log
from workings.ledger.checkpoint import parse_checkpoint, verify_note
from workings.ledger.merkle import verify_consistency, verify_inclusion

pytestmark = pytest.mark.django_db

BASE = "/api/v1/projects/{slug}/log"


def b64(s: str) -> bytes:
    return base64.b64decode(s)


def url(world: Any, path: str) -> str:
    return BASE.format(slug=world.project.slug) + path


@pytest.fixture
def grown(world: Any) -> Any:
    add_events(world.project, world.users["lead"], 30)
    return world


def test_checkpoint_is_a_signed_note(grown: Any, client_for: Any) -> None:
    r = client_for(grown.users["observer"]).get(url(grown, "/checkpoint"))
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/plain")
    cp = parse_checkpoint(verify_note(r.content.decode(), [keys.verifier_key()]))
    assert cp.size == Log.objects.get(project=grown.project).size


def test_inclusion_and_consistency_proofs_verify(grown: Any, client_for: Any) -> None:
    c = client_for(grown.users["researcher"])
    size = Log.objects.get(project=grown.project).size
    cps = {}
    for n in (7, size):
        note = grown.project.log.checkpoints.get(size=n).note
        cps[n] = parse_checkpoint(verify_note(note, [keys.verifier_key()]))
    for index in (0, 3, 6):
        r = c.get(url(grown, f"/proof/inclusion?index={index}&tree_size=7"))
        assert r.status_code == 200, r.content
        body = r.json()
        proof = [b64(h) for h in body["hashes"]]
        assert verify_inclusion(b64(body["leaf_hash"]), index, 7, proof, cps[7].root)
    r = c.get(url(grown, f"/proof/consistency?first=7&second={size}"))
    assert r.status_code == 200
    proof = [b64(h) for h in r.json()["hashes"]]
    assert verify_consistency(7, size, proof, cps[7].root, cps[size].root)


@pytest.mark.parametrize(
    "path",
    [
        "/proof/inclusion?index=5&tree_size=5",
        "/proof/inclusion?index=-1&tree_size=5",
        "/proof/inclusion?index=0&tree_size=100000",
        "/proof/consistency?first=5&second=100000",
        "/proof/consistency?first=9&second=5",
        "/entries?start=100000",
        "/entries?start=5&end=2",
        "/entries?start=-3",
    ],
)
def test_bad_ranges_are_clear_400s(grown: Any, client_for: Any, path: str) -> None:
    r = client_for(grown.users["lead"]).get(url(grown, path))
    assert r.status_code == 400, r.content
    assert r.json()["detail"]


def test_entries_page_headers_and_content(grown: Any, client_for: Any) -> None:
    r = client_for(grown.users["contributor"]).get(url(grown, "/entries?start=2&end=5"))
    assert r.status_code == 200
    body = r.json()
    assert [e["seq"] for e in body["entries"]] == [2, 3, 4]
    assert body["next_start"] == 5
    first = body["entries"][0]
    assert set(first) >= {"seq", "leaf", "leaf_hash", "type", "time", "sealed", "content", "salt"}
    assert first["content"] is not None and first["salt"] is not None


def test_entries_page_is_capped_and_hides_content_from_the_public(
    grown: Any, client_for: Any
) -> None:
    grown.project.is_published = True
    grown.project.save(update_fields=["is_published"])
    r = client_for(None).get(url(grown, "/entries?start=0&end=5000"))
    assert r.status_code == 200
    body = r.json()
    assert len(body["entries"]) == body["size"] <= 1000
    invited = [e for e in body["entries"] if e["type"] == "member.invited"]
    assert invited and all(e["content"] is None and e["salt"] is None for e in invited)
    assert all(e["leaf"] for e in invited)


def test_entries_endpoint_query_count_does_not_grow(
    world: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    c = client_for(world.users["lead"])
    add_events(world.project, world.users["lead"], 10)
    with django_assert_max_num_queries(12):
        assert c.get(url(world, "/entries?start=0&end=1000")).status_code == 200
    add_events(world.project, world.users["lead"], 100)
    with django_assert_max_num_queries(12):
        assert c.get(url(world, "/entries?start=0&end=1000")).status_code == 200


def test_proof_uses_one_node_query(
    grown: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    c = client_for(grown.users["lead"])
    with django_assert_max_num_queries(10):
        r = c.get(url(grown, "/proof/consistency?first=3&second=30"))
    assert r.status_code == 200


def test_erase_through_the_api(grown: Any, client_for: Any) -> None:
    seq = grown.project.log.entries.filter(actor=grown.users["lead"]).order_by("-seq")[0].seq
    r = client_for(grown.users["observer"]).post(
        url(grown, f"/entries/{seq}/erase"), {"reason": "x"}, content_type="application/json"
    )
    assert r.status_code == 403
    r = client_for(grown.users["lead"]).post(
        url(grown, f"/entries/{seq}/erase"),
        {"reason": "Personal data"},
        content_type="application/json",
    )
    assert r.status_code == 200, r.content
    r = client_for(grown.users["lead"]).get(url(grown, f"/entries?start={seq}&end={seq + 1}"))
    entry = r.json()["entries"][0]
    assert entry["erased"] and entry["content"] is None and entry["leaf"]


def test_proof_selectors_read_two_queries(grown: Any, django_assert_num_queries: Any) -> None:
    from workings.events import selectors

    size = Log.objects.get(project=grown.project).size
    with django_assert_num_queries(2):
        leaf_hash, proof = selectors.inclusion_proof(project=grown.project, index=5, tree_size=size)
    assert len(leaf_hash) == 32 and proof
    with django_assert_num_queries(2):
        selectors.consistency_proof(project=grown.project, first=3, second=size)
    leaf_hash, proof = selectors.inclusion_proof(project=grown.project, index=0, tree_size=1)
    assert proof == [] and len(leaf_hash) == 32
