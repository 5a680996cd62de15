"""Build small signed logs and exports for the verifier and witness tests."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from workings.ledger.checkpoint import format_checkpoint, generate_signer, sign_note
from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf, make_salt
from workings.ledger.hashing import CompactRange, leaf_hash
from workings.verifier.export import ExportEntry, write_export

ORIGIN = "workings.example/projects/7"


@dataclass
class Log:
    origin: str = ORIGIN
    keys: tuple[str, str] = field(default_factory=lambda: generate_signer(ORIGIN))
    entries: list[ExportEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tree: CompactRange = field(default_factory=CompactRange)

    @property
    def skey(self) -> str:
        return self.keys[0]

    @property
    def vkey(self) -> str:
        return self.keys[1]

    def append(self, content: Any, *, sealed: bool = False, type_: str = "note.added") -> None:
        seq = len(self.entries)
        salt = make_salt()
        header = LeafHeader(
            v=1,
            origin=self.origin,
            seq=seq,
            type=type_,
            time="2026-11-28" if sealed else "2026-11-28T10:00:00Z",
            actor=None if sealed else f"m:{seq % 5}",
            content_commitment=content_commitment(salt, content),
            sealed=sealed,
        )
        leaf = encode_leaf(header)
        self.tree.append(leaf_hash(leaf))
        self.entries.append(ExportEntry(seq, leaf, content, salt))

    def checkpoint(self) -> str:
        body = format_checkpoint(self.origin, self.tree.size, self.tree.root())
        note = sign_note(body, self.skey)
        self.notes.append(note)
        return note

    def export(self) -> str:
        buf = io.StringIO()
        write_export(buf, self.origin, self.vkey, self.entries, self.notes)
        return buf.getvalue()


def build(n: int, every: int = 10) -> Log:
    log = Log()
    for i in range(n):
        log.append({"i": i, "text": f"entry number {i}", "tags": ["a", "é"]}, sealed=i % 7 == 3)
        if (i + 1) % every == 0:
            log.checkpoint()
    if n % every:
        log.checkpoint()
    return log
