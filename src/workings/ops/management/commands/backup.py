from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from workings.ops.backup import backup


class Command(BaseCommand):
    help = (
        "Back up the database, the uploaded files and the checkpoints they match into a new "
        "folder under DIR: `workings backup DIR`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dir", help="where backups are kept (one folder each)")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = backup(Path(options["dir"]))
        self.stdout.write(f"Backup made: {folder}")
