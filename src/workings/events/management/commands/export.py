from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from workings.events.audit import export_project
from workings.events.selectors import project_by_slug


class Command(BaseCommand):
    help = "Write a project's log as JSON Lines: `workings export SLUG --out FILE`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="the project's short name (as in its web address)")
        parser.add_argument("--out", required=True, help="file to write, or - for the screen")

    def handle(self, *args: Any, **options: Any) -> None:
        project = project_by_slug(options["slug"])
        if project is None:
            raise CommandError(f"There is no project {options['slug']!r}.")
        if options["out"] == "-":
            n = export_project(project, sys.stdout)
            return
        with open(options["out"], "w", encoding="utf-8") as fp:
            n = export_project(project, fp)
        self.stderr.write(f"Wrote {n:,} entries of {project.slug} to {options['out']}.")
