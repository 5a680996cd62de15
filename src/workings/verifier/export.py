"""The export format: JSON Lines, one header, one line per entry, then signed checkpoints.

Why: anyone holding an export and the log's public key can check the whole record offline
(see ``verify`` beside this module). The format is plain JSON so that it can be read
without our software.

Line 1: ``{"format": "workings-log-export/1", "origin": ..., "log_key": <verifier key>}``
Entry:  ``{"kind": "entry", "seq": n, "leaf": <base64>, "salt": <base64|null>,
          "content": <JSON|null>}`` (optionally ``"erased": {...}``, informative only).
Then:   ``{"kind": "checkpoint", "note": <signed note>}`` in non-decreasing size.

The writer emits canonical bytes with ``salt`` before ``content`` and ``content`` last, in
RFC 8785 form. JSON key order carries no meaning, so other writers may differ; the verifier
just takes a faster path for lines shaped like ours.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from workings.ledger.canonical import canonical_json

__all__ = [
    "EXPORT_FORMAT",
    "ExportEntry",
    "ExportError",
    "ExportHeader",
    "entry_line",
    "header_line",
    "checkpoint_line",
    "read_export",
    "write_export",
]

EXPORT_FORMAT = "workings-log-export/1"


class ExportError(ValueError):
    """An export line is not in the expected format."""


@dataclass(frozen=True)
class ExportHeader:
    origin: str
    log_key: str


@dataclass(frozen=True)
class ExportEntry:
    """One entry as exported. ``content`` and ``salt`` are both None once erased."""

    seq: int
    leaf: bytes
    content: Any = None
    salt: bytes | None = None
    erased: dict[str, Any] | None = None


def _json(obj: Any) -> str:
    return canonical_json(obj).decode("utf-8")


def header_line(origin: str, log_key: str) -> str:
    return _json({"format": EXPORT_FORMAT, "log_key": log_key, "origin": origin}) + "\n"


def entry_line(entry: ExportEntry) -> str:
    parts = [
        f'{{"kind":"entry","seq":{int(entry.seq)},',
        f'"leaf":"{base64.b64encode(entry.leaf).decode()}",',
    ]
    if entry.erased is not None:
        parts.append(f'"erased":{_json(entry.erased)},')
    salt = "null" if entry.salt is None else f'"{base64.b64encode(entry.salt).decode()}"'
    parts.append(f'"salt":{salt},"content":{_json(entry.content)}}}\n')
    return "".join(parts)


def checkpoint_line(note: str) -> str:
    return _json({"kind": "checkpoint", "note": note}) + "\n"


def write_export(
    fp: IO[str],
    origin: str,
    log_key: str,
    entries_iter: Iterable[ExportEntry],
    checkpoint_notes_iter: Iterable[str],
) -> int:
    """Write a whole export to text file ``fp``; return the number of entries written."""
    fp.write(header_line(origin, log_key))
    n = 0
    write = fp.write
    for entry in entries_iter:
        write(entry_line(entry))
        n += 1
    for note in checkpoint_notes_iter:
        write(checkpoint_line(note))
    return n


def _b64(value: Any, what: str) -> bytes | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ExportError(f"{what} must be base64 text or null")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except ValueError:
        raise ExportError(f"{what} is not valid base64") from None


def parse_line(line: str | bytes) -> ExportEntry | str:
    """Parse one non-header line: an ExportEntry, or a checkpoint's signed note text."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise ExportError(f"line is not JSON ({exc})") from None
    if type(obj) is not dict:
        raise ExportError("line is not a JSON object")
    kind = obj.get("kind")
    if kind == "checkpoint":
        note = obj.get("note")
        if set(obj) != {"kind", "note"} or not isinstance(note, str):
            raise ExportError("checkpoint line must have exactly 'kind' and a text 'note'")
        return note
    if kind != "entry":
        raise ExportError(f"unknown line kind {kind!r}")
    keys = set(obj)
    if (
        not {"kind", "seq", "leaf", "content", "salt"}
        <= keys
        <= {
            "kind",
            "seq",
            "leaf",
            "content",
            "salt",
            "erased",
        }
    ):
        raise ExportError("entry line must have kind, seq, leaf, content and salt")
    seq = obj["seq"]
    if type(seq) is not int or seq < 0:
        raise ExportError("entry seq must be a non-negative integer")
    leaf = _b64(obj["leaf"], "leaf")
    if leaf is None:
        raise ExportError("entry leaf must not be null")
    erased = obj.get("erased")
    if erased is not None and type(erased) is not dict:
        raise ExportError("entry 'erased' must be an object")
    return ExportEntry(seq, leaf, obj["content"], _b64(obj["salt"], "salt"), erased)


def parse_header(line: str | bytes) -> ExportHeader:
    try:
        obj = json.loads(line)
    except ValueError:
        raise ExportError("the first line is not JSON") from None
    if type(obj) is not dict or obj.get("format") != EXPORT_FORMAT:
        raise ExportError(f"the first line does not say format {EXPORT_FORMAT!r}")
    origin, key = obj.get("origin"), obj.get("log_key")
    if not isinstance(origin, str) or not origin or not isinstance(key, str):
        raise ExportError("the first line must give a non-empty origin and the log_key")
    return ExportHeader(origin, key)


def read_export(lines: Iterable[str | bytes]) -> Iterator[ExportHeader | ExportEntry | str]:
    """Stream an export: yields the header, then ExportEntry objects and checkpoint notes."""
    it = iter(lines)
    first = next(it, None)
    if first is None:
        raise ExportError("the export is empty")
    yield parse_header(first)
    for line in it:
        if line.strip():
            yield parse_line(line)
