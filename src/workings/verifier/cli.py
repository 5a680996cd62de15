"""The verifier's one command line: check an export or an annex with only the file and a key.

    workings verify EXPORT --key KEY          a whole log export (JSON Lines)
        [--witness KEY ...]                   and require each witness's cosignature
    workings verify-annex FILE --key KEY      a report's annex (JSON, or a PDF carrying it)

``python -m workings.verifier`` takes the same commands. Exit status: 0 when the file
checks out, 1 when it does not (each problem is printed in plain English), 2 on usage
errors (a bad key, a file that cannot be read). No Django: a funder can run this on a laptop.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from workings.ledger.checkpoint import NoteError, parse_verifier_key

from .annex import load_annex, verify_annex
from .cosignature import parse_witness_key
from .parallel import verify_file

__all__ = ["COMMANDS", "main", "read_key"]

COMMANDS = ("verify", "verify-annex")


def read_key(value: str) -> str:
    """A verifier key given on the command line: the key itself, or a file holding it."""
    path = Path(value)
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    return value.strip()


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Check a Workings record offline against the log's public key.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    export = commands.add_parser(
        "verify",
        help="check a log export",
        description="Check a Workings log export against the log's public key.",
    )
    export.add_argument("file", help="path to the export file (JSON Lines)")
    export.add_argument(
        "--witness",
        action="append",
        default=[],
        metavar="KEY",
        help="a witness's key (or a file holding it); its cosignature is then required. "
        "Give it once per witness.",
    )
    annex = commands.add_parser(
        "verify-annex",
        help="check a report's annex",
        description="Check a Workings annex (JSON or PDF) against the log's verifier key.",
    )
    annex.add_argument("file", help="the annex: a .json file, or a PDF annex")
    for sub in (export, annex):
        sub.add_argument(
            "--key", required=True, help="the log's verifier key, or a file containing it"
        )
    return parser


def main(argv: Sequence[str] | None = None, prog: str = "workings") -> int:
    """Run one command, e.g. ``main(["verify", "log.jsonl", "--key", KEY])``; returns the
    exit status."""
    try:
        args = _parser(prog).parse_args(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    key = read_key(args.key)
    try:
        parse_verifier_key(key)
    except NoteError as exc:
        print(f"error: the key is not a valid verifier key: {exc}", file=sys.stderr)
        return 2
    if args.command == "verify":
        witnesses = [read_key(w) for w in args.witness]
        for witness in witnesses:
            try:
                parse_witness_key(witness)
            except NoteError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
        try:
            report = verify_file(args.file, key, witness_keys=witnesses)
        except OSError as exc:
            print(f"error: cannot read the export: {exc}", file=sys.stderr)
            return 2
        print(report.summary())
        return 0 if report.ok else 1
    try:
        doc = load_annex(args.file)
    except OSError as exc:
        print(f"error: cannot read the file: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"FAILED: file: this is not a readable annex ({exc})")
        return 1
    annex_report = verify_annex(doc, key)
    print(annex_report.summary())
    return 0 if annex_report.ok else 1
