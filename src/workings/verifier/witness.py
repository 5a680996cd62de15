"""Pure witness logic: remember the latest checkpoint, accept only consistent growth.

Why: a log could show different histories to different people (a split view) or rewrite
its past and re-sign it. A witness (a funder, any third party) keeps the last checkpoint it
saw and demands a consistency proof for every newer one. Any inconsistency is an alarm.
The caller does the network I/O and storage; this module only decides.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from workings.ledger.checkpoint import CheckpointError, NoteError, parse_checkpoint, verify_note
from workings.ledger.hashing import EMPTY_ROOT
from workings.ledger.merkle import verify_consistency

from .cosignature import find_cosignature, parse_witness_key, verify_cosignature

__all__ = ["WitnessAlarm", "WitnessState", "check_cosignatures", "witness_update"]


class WitnessAlarm(Exception):
    """The log showed something it must never show: history was rewritten or forked."""


@dataclass(frozen=True)
class WitnessState:
    origin: str
    verifier_key: str
    note: str = ""
    size: int = 0
    root: bytes = EMPTY_ROOT

    def to_json(self) -> str:
        return json.dumps(
            {
                "origin": self.origin,
                "verifier_key": self.verifier_key,
                "note": self.note,
                "size": self.size,
                "root": base64.b64encode(self.root).decode(),
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> WitnessState:
        try:
            d = json.loads(text)
            root = base64.b64decode(d["root"], validate=True)
            state = cls(d["origin"], d["verifier_key"], d["note"], int(d["size"]), root)
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"not a saved witness state: {exc}") from None
        if len(state.root) != 32 or state.size < 0:
            raise ValueError("not a saved witness state: bad size or root")
        return state


def witness_update(
    state: WitnessState, new_note: str, consistency_proof: Sequence[bytes]
) -> WitnessState:
    """Check ``new_note`` against the kept checkpoint; return the new state or raise an alarm."""
    try:
        text = verify_note(new_note, [state.verifier_key])
        cp = parse_checkpoint(text)
    except (NoteError, CheckpointError) as exc:
        raise WitnessAlarm(
            f"ALARM: the new checkpoint for {state.origin} is not validly signed by the "
            f"log's key: {exc}"
        ) from None
    if cp.origin != state.origin:
        raise WitnessAlarm(
            f"ALARM: the new checkpoint is for {cp.origin!r}, not for {state.origin!r}"
        )
    if cp.size < state.size:
        raise WitnessAlarm(
            f"ALARM: {state.origin} went backwards: it now says {cp.size} entries, but it "
            f"already signed {state.size}. Entries were removed or history was rewritten."
        )
    if not verify_consistency(state.size, cp.size, consistency_proof, state.root, cp.root):
        raise WitnessAlarm(
            f"ALARM: {state.origin} signed two histories that do not agree: the checkpoint "
            f"of size {cp.size} does not extend the one of size {state.size} we kept. "
            "Either history was rewritten or different people are being shown different logs."
        )
    return replace(state, note=new_note, size=cp.size, root=cp.root)


def check_cosignatures(
    notes: Sequence[tuple[int, str]],
    witness_keys: Sequence[str],
    log_key: str,
    fail: Callable[[int | None, int, str], None],
) -> list[str]:
    """Require, for each trusted witness, a valid cosignature on a checkpoint the log's key
    signed. Every cosignature a trusted witness key claims must verify (a forged one is a
    failure even if another checks out). Returns plain-English notes on what was witnessed."""
    said: list[str] = []
    for witness in witness_keys:
        name = parse_witness_key(witness).name
        best = -1
        for lineno, note in notes:
            if find_cosignature(note, witness) is None:
                continue
            try:
                cp = parse_checkpoint(verify_note(note, [log_key]))
                verify_cosignature(note, witness)
            except (NoteError, CheckpointError) as exc:
                fail(None, lineno, f"witness {name}: {exc}")
                continue
            best = max(best, cp.size)
        if best < 0:
            fail(
                None,
                0,
                f"witness {name} has not cosigned any checkpoint in this export, and you "
                "asked for its cosignature",
            )
        else:
            said.append(f"witness {name} cosigned the checkpoint of size {best:,}")
    return said
