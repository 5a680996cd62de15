from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from workings.events.audit import verify_project
from workings.events.selectors import project_by_slug


class Command(BaseCommand):
    help = (
        "Check a project's whole log and the records it describes: "
        "`workings verify --project SLUG`. (`workings verify FILE --key KEY` checks an export "
        "with no database at all.)"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--project", required=True, help="the project's short name")

    def handle(self, *args: Any, **options: Any) -> None:
        project = project_by_slug(options["project"])
        if project is None:
            raise CommandError(f"There is no project {options['project']!r}.")
        check = verify_project(project)
        self.stdout.write(check.summary())
        if not check.ok:
            raise CommandError(f"The record of {project.slug} does not verify.", returncode=1)
