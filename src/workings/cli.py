"""The `workings` command: Django's management commands plus our own.

`workings verify FILE --key KEY` and `workings verify-annex ...` run the pure verifier
(`workings.verifier.cli`) with no Django settings at all, so a funder can check a record on
a laptop.
"""

from __future__ import annotations

import os
import sys

# The verifier's own command names (it imports no Django, so this import is cheap).
from workings.verifier.cli import COMMANDS as PURE_COMMANDS
from workings.verifier.cli import main as verifier_main


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    names_a_project = any(a == "--project" or a.startswith("--project=") for a in args)
    if args and args[0] in PURE_COMMANDS and not names_a_project:
        return verifier_main(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["workings", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
