from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from workings.core.exceptions import WorkingsError
from workings.projects.erase_person import person_erase


class Command(BaseCommand):
    help = (
        "Erase a person on a data-protection request: "
        "`workings erase-person EMAIL --reason TEXT --by ADMIN_EMAIL`. Their words, name and "
        "address go; every project's record stays verifiable (each erasure is recorded)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The e-mail address of the person to erase.")
        parser.add_argument("--reason", required=True, help="The request (kept in the record).")
        parser.add_argument(
            "--by", required=True, help="E-mail address of the site administrator acting on it."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model().objects
        person = users.filter(email__iexact=options["email"]).first()
        if person is None:
            raise CommandError(f"There is no account with the address {options['email']!r}.")
        admin = users.filter(email__iexact=options["by"]).first()
        if admin is None:
            raise CommandError(f"There is no account with the address {options['by']!r}.")
        try:
            done = person_erase(actor=admin, person=person, reason=options["reason"])
        except WorkingsError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Erased {done.entries_erased} entries in {len(done.projects)} project(s) "
            f"({', '.join(done.projects) or 'none'}); deleted "
            f"{sum(done.rows_deleted.values())} rows outside the record; "
            f"kept {done.sealed_kept} sealed entries sealed. The account can no longer sign in."
        )
        self.stdout.write("Check each project with: workings verify --project SLUG")
