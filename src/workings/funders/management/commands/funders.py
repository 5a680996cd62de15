"""`workings funders ...`: site administrators add funder organisations and their people.

workings funders add "National Stroke Research Fund" --admin EMAIL [--slug nsrf]
workings funders appoint SLUG EMAIL --as reviewer|independent|admin
workings funders end SLUG APPOINTMENT_ID [--reason TEXT]
workings funders list
workings funders witness-key SLUG [--force]   create the organisation's witness key
workings funders witness                      check and cosign every funded project now
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from workings.core.exceptions import WorkingsError
from workings.funders import selectors, services
from workings.funders.models import AppointmentKind, FunderOrganisation


class Command(BaseCommand):
    help = "Manage funder organisations (site administrators only)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Add a funder organisation with its first admin.")
        add.add_argument("name")
        add.add_argument("--admin", required=True, help="E-mail of the organisation's admin.")
        add.add_argument("--slug", default="", help="Web address (made from the name if left out).")
        appoint = sub.add_parser("appoint", help="Appoint someone with an account.")
        appoint.add_argument("slug")
        appoint.add_argument("email")
        appoint.add_argument(
            "--as", dest="kind", choices=AppointmentKind.values, default=AppointmentKind.REVIEWER
        )
        end = sub.add_parser("end", help="End an appointment (it is kept, never deleted).")
        end.add_argument("slug")
        end.add_argument("appointment_id", type=int)
        end.add_argument("--reason", default="")
        sub.add_parser("list", help="List organisations and their current people.")
        key = sub.add_parser("witness-key", help="Create the organisation's witness key.")
        key.add_argument("slug")
        key.add_argument("--force", action="store_true", help="Replace an existing key.")
        sub.add_parser("witness", help="Check and cosign every funded project's checkpoint now.")

    def _organisation(self, slug: str) -> FunderOrganisation:
        organisation = FunderOrganisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(f"There is no funder organisation with the web address {slug!r}.")
        return organisation

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._handle(options)
        except WorkingsError as error:
            raise CommandError(error.message) from None

    def _handle(self, options: dict[str, Any]) -> None:
        action = options["action"]
        if action == "add":
            org = services.organisation_create(
                actor=None, name=options["name"], slug=options["slug"], admin_email=options["admin"]
            )
            self.stdout.write(f"Added {org.name} ({org.slug}) with its admin {options['admin']}.")
        elif action == "appoint":
            a = services.appointment_create(
                actor=None,
                organisation=self._organisation(options["slug"]),
                email=options["email"],
                kind=options["kind"],
            )
            self.stdout.write(
                f"Appointed {a.user.email} as {a.get_kind_display().lower()} (#{a.pk})."
            )
        elif action == "end":
            a = services.appointment_end(
                actor=None,
                organisation=self._organisation(options["slug"]),
                appointment_id=options["appointment_id"],
                reason=options["reason"],
            )
            self.stdout.write(f"Ended appointment #{a.pk} of {a.user.email}.")
        elif action == "witness-key":
            from workings.funders.witness_keys import witness_key_init

            public = witness_key_init(
                organisation=self._organisation(options["slug"]), force=options["force"]
            )
            self.stdout.write(f"Witness key of {options['slug']}: {public}")
        elif action == "witness":
            from workings.funders.witnessing import witness_all

            counts = witness_all()
            self.stdout.write(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "-")
            if counts.get("alarm"):
                raise CommandError("ALARM: a project's log did not check out. See the portfolio.")
        else:
            for org in selectors.organisation_choices():
                self.stdout.write(f"{org.name} ({org.slug})")
                for a in selectors.appointment_list(organisation=org).filter(ended_at__isnull=True):
                    self.stdout.write(f"  #{a.pk} {a.get_kind_display()}: {a.user.email}")
