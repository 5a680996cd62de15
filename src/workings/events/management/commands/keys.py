from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from workings.events import keys


class Command(BaseCommand):
    help = (
        "Manage the log signing key: `workings keys init` creates it; "
        "`workings keys show` prints the public key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["init", "show"])
        parser.add_argument("--name", help="Key name (defaults to WORKINGS_LOG_NAME).")
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Replace an existing key (old checkpoints stay verifiable only with the old "
                "public key)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "show":
            self.stdout.write(keys.verifier_key())
            return
        existed = keys.key_path().exists()
        if existed and not options["force"]:
            raise CommandError(
                f"A signing key already exists at {keys.key_path()}. "
                "Use --force only if you mean to replace it."
            )
        path, verifier = keys.keys_init(name=options["name"], force=options["force"])
        self.stdout.write(f"Signing key written to {path} (keep it secret, outside the database).")
        self.stdout.write(f"Public verifier key: {verifier}")
