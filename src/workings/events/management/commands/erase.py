from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from workings.core.exceptions import WorkingsError
from workings.events.selectors import project_by_slug
from workings.events.services import entry_erase_on_request


class Command(BaseCommand):
    help = (
        "Erase an entry's words on a data-protection request: "
        "`workings erase PROJECT SEQ --reason TEXT --by ADMIN_EMAIL`. The entry's author is "
        "told the reason."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("project", help="The project's short name (slug).")
        parser.add_argument("seq", type=int, help="The number of the entry to erase.")
        parser.add_argument("--reason", required=True, help="The request (the author is told).")
        parser.add_argument(
            "--by", required=True, help="E-mail address of the site administrator acting on it."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        project = project_by_slug(options["project"])
        if project is None:
            raise CommandError(f"There is no project called {options['project']!r}.")
        admin = get_user_model().objects.filter(email__iexact=options["by"]).first()
        if admin is None:
            raise CommandError(f"There is no account with the address {options['by']!r}.")
        try:
            erasure = entry_erase_on_request(
                actor=admin, project=project, seq=options["seq"], reason=options["reason"]
            )
        except WorkingsError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Entry {options['seq']} erased (the erasure is entry {erasure.seq}). "
            "Its author has been told why."
        )
