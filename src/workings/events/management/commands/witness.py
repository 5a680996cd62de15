from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from workings.events.witness_client import run


class Command(BaseCommand):
    help = (
        "Witness a project's log from outside: `workings witness URL --state FILE`, where URL "
        "is the project's API address, e.g. https://example.org/api/v1/projects/stride. "
        "Exits 1 with an ALARM if the log was rewritten or badly signed."
    )
    requires_system_checks: list[str] = []  # no database needed: it only speaks HTTP

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--state", required=True, help="file keeping the last checkpoint")
        parser.add_argument(
            "--key",
            help="the log's verifier key, needed only on the first run (else it is fetched "
            "from the site's /.well-known/workings/log-key and shown)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        code = run(
            options["url"],
            options["state"],
            key=options["key"],
            out=self.stdout,
            err=self.stderr,
        )
        if code:
            sys.exit(code)
