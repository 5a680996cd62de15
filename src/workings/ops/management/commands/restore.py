from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from workings.ops.backup import BackupError, published, restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder into this site's (empty or damaged) database and media "
        "folder, then check it: migrations, every project's record, every table's rows. "
        "Refuses a backup older than checkpoints already published (a rollback)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", help="one backup folder made by `workings backup`")
        parser.add_argument(
            "--published",
            help="the published checkpoints to compare with (default: "
            "published-checkpoints.json beside the backup)",
        )
        parser.add_argument(
            "--accept-rollback",
            action="store_true",
            help="restore even a backup older than what was published (say so to witnesses)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["folder"]).resolve()
        high = (
            json.loads(Path(options["published"]).read_text())
            if options["published"]
            else published(folder.parent)
        )
        try:
            report = restore(folder, high=high, accept_rollback=options["accept_rollback"])
        except BackupError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(f"Restored {folder.name}: {report.projects} projects verified.")
        if not report.ok:
            raise CommandError("\n".join(report.problems), returncode=1)
        self.stdout.write("Migrations applied, every project verifies, every count matches.")
