"""Witness: accept consistent growth, raise a loud alarm on anything else."""

from __future__ import annotations

import pytest
from ledger_helpers import ORIGIN, Log

from workings.ledger.checkpoint import format_checkpoint, generate_signer, sign_note
from workings.ledger.hashing import root_hash
from workings.ledger.merkle import consistency_proof
from workings.verifier.witness import WitnessAlarm, WitnessState, witness_update


def grown(n: int) -> Log:
    log = Log()
    for i in range(n):
        log.append({"i": i})
    return log


def test_consistent_growth_is_accepted() -> None:
    log = Log()
    state = WitnessState(ORIGIN, log.vkey)
    leaves: list[bytes] = []
    for size in (3, 3, 8, 21):
        while len(log.entries) < size:
            log.append({"i": len(log.entries)})
        leaves = [e.leaf for e in log.entries]
        note = log.checkpoint()
        state = witness_update(state, note, consistency_proof(leaves, state.size))
        assert state.size == size and state.root == root_hash(leaves)
    assert WitnessState.from_json(state.to_json()) == state


def test_forked_history_raises() -> None:
    log = grown(10)
    state = witness_update(WitnessState(ORIGIN, log.vkey), log.checkpoint(), [])
    fork = Log(keys=log.keys)
    for i in range(12):
        fork.append({"i": i, "rewritten": True})
    leaves = [e.leaf for e in fork.entries]
    with pytest.raises(WitnessAlarm, match="two histories that do not agree"):
        witness_update(state, fork.checkpoint(), consistency_proof(leaves, 10))
    # Same size, different root: also a fork.
    fork10 = Log(keys=log.keys)
    for i in range(10):
        fork10.append({"i": i, "other": 1})
    with pytest.raises(WitnessAlarm, match="do not agree"):
        witness_update(state, fork10.checkpoint(), [])


def test_wrong_key_raises() -> None:
    log = grown(4)
    state = WitnessState(ORIGIN, log.vkey)
    other_s, _ = generate_signer(ORIGIN)
    note = sign_note(format_checkpoint(ORIGIN, 4, log.tree.root()), other_s)
    with pytest.raises(WitnessAlarm, match="not validly signed"):
        witness_update(state, note, [])


def test_smaller_size_raises() -> None:
    log = grown(8)
    state = witness_update(WitnessState(ORIGIN, log.vkey), log.checkpoint(), [])
    body = format_checkpoint(ORIGIN, 5, root_hash([e.leaf for e in log.entries[:5]]))
    with pytest.raises(WitnessAlarm, match="went backwards"):
        witness_update(state, sign_note(body, log.skey), [])


def test_other_origin_raises() -> None:
    log = grown(2)
    note = sign_note(format_checkpoint("other.example/x", 2, log.tree.root()), log.skey)
    with pytest.raises(WitnessAlarm, match="not for"):
        witness_update(WitnessState(ORIGIN, log.vkey), note, [])


def test_state_json_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        WitnessState.from_json("{}")
    with pytest.raises(ValueError):
        WitnessState.from_json('{"origin":"o","verifier_key":"k","note":"","size":1,"root":"AA=="}')
