"""What the offline verifier reports: every failure with its line (the first MAX_FAILURES
kept), the counts, and a plain-English summary."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from workings.ledger.checkpoint import (
    Checkpoint,
)
from workings.ledger.hashing import EMPTY_ROOT

MAX_FAILURES = 1000


@dataclass(frozen=True)
class Failure:
    seq: int | None
    line: int
    message: str


@dataclass
class VerifyReport:
    ok: bool = False
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entries: int = 0
    checkpoints: int = 0
    erased: int = 0
    size: int = 0
    root: bytes = EMPTY_ROOT
    latest_checkpoint: Checkpoint | None = None
    origin: str = ""
    witnessed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A plain-English report, one line per failure."""
        out: list[str] = []
        if self.ok:
            cp = self.latest_checkpoint
            latest = (
                f"latest checkpoint size {cp.size:,} root {base64.b64encode(cp.root).decode()}"
                if cp
                else "no checkpoint"
            )
            out.append(
                f"OK: {self.entries:,} entries, {self.checkpoints:,} checkpoints, "
                f"{self.erased:,} erased; {latest}"
            )
            out.extend(f"OK: {w}" for w in self.witnessed)
        else:
            out.extend(f.message for f in self.failures)
            out.append(f"FAILED: {len(self.failures):,} problem(s) found.")
        out.extend(f"warning: {w}" for w in self.warnings)
        return "\n".join(out)


class Collector:
    """Collects one report's failures, keeping the first MAX_FAILURES and counting the rest."""

    def __init__(self, report: VerifyReport) -> None:
        self.report = report
        self.dropped = 0

    def fail(self, seq: int | None, line: int, message: str) -> None:
        if len(self.report.failures) < MAX_FAILURES:
            self.report.failures.append(Failure(seq, line, message))
        else:
            self.dropped += 1
