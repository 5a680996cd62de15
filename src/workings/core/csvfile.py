"""The one way we write CSV: every cell a spreadsheet could run as a formula is neutralised.

A cell that begins with = + - @ (or a tab or carriage return, which some spreadsheets skip
before reading a formula) is written with a leading apostrophe, as OWASP advises, so that
text someone typed into the record ("=HYPERLINK(...)") is shown as text, never run. The
apostrophe is visible in a text editor; spreadsheets hide it."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, value: str, /) -> Any: ...


def csv_cell(value: Any) -> Any:
    """The value, with text that could start a formula made safe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer with every cell passed through csv_cell."""

    def __init__(self, out: _Writable) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(fields: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """A header line, then one line per row (for a streaming response): the named fields
    only, in order, each cell made safe."""
    writer = SafeWriter(_Echo())
    yield writer.writerow(fields)
    for row in rows:
        yield writer.writerow([row.get(name, "") for name in fields])
