from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.test.utils import override_settings

from workings.core.demo import build_demo, demo_exists, prepare_demo, write_logins

FILE_MAIL = "django.core.mail.backends.filebased.EmailBackend"


class Command(BaseCommand):
    help = "Set up the fictional demo (database, signing key, data) and serve it on 127.0.0.1:8000."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="Throw the demo database away and rebuild it."
        )
        parser.add_argument("--no-serve", action="store_true", help="Set everything up, then exit.")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, **options: Any) -> None:
        if "SITE_URL" not in os.environ:
            # Links in the demo's e-mails point at the port it is served on (the server and
            # the worker below inherit the environment).
            os.environ["SITE_URL"] = f"http://127.0.0.1:{options['port']}"
            settings.SITE_URL = os.environ["SITE_URL"]
        if options["reset"]:
            self._reset()
        call_command("migrate", interactive=False, verbosity=0)
        prepare_demo()
        logins_path = Path(settings.VAR_DIR) / "demo-logins.json"
        if demo_exists() and logins_path.exists():
            self.stdout.write("The demo is already built (use --reset to rebuild it).")
        else:
            if demo_exists():
                raise CommandError(
                    "The database has a half-known demo; run `workings demo --reset`."
                )
            # The demo's history "sends" invitations and notices: they go to files under
            # var/mail/ for a newcomer to read, never to a real server (whatever the
            # settings say). The override must outlive the transaction: mail is sent on commit.
            with override_settings(EMAIL_BACKEND=FILE_MAIL), transaction.atomic():
                ctx = build_demo()
            logins_path = write_logins(ctx)
        self._print_logins(logins_path)
        if options["no_serve"] or os.environ.get("DEMO_NO_SERVE") == "1":
            return
        self._serve(options["port"])

    def _reset(self) -> None:
        if connection.vendor == "sqlite":
            connection.close()
            name = Path(settings.DATABASES["default"]["NAME"])
            for suffix in ("", "-wal", "-shm"):
                Path(f"{name}{suffix}").unlink(missing_ok=True)
        else:
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        (Path(settings.VAR_DIR) / "demo-logins.json").unlink(missing_ok=True)

    def _print_logins(self, path: Path) -> None:
        import json

        logins = json.loads(path.read_text())
        self.stdout.write("\nDemo logins (all fictional; password for everyone below):")
        self.stdout.write(f"  password: {logins[0]['password']}")
        for login in logins:
            self.stdout.write(
                f"  {login['role']:<12} {login['email']:<32} project: {login['project']}"
            )
        self.stdout.write(f"(also written to {path})\n")

    def _serve(self, port: int) -> None:
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Serving the demo on http://127.0.0.1:{port}/ (Ctrl+C to stop).")
        worker = subprocess.Popen([sys.executable, "-m", "workings.cli", "worker"])  # noqa: S603
        try:
            subprocess.run(  # noqa: S603
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "workings.wsgi",
                    "-b",
                    f"127.0.0.1:{port}",
                    "-w",
                    "2",
                ],
                check=False,
            )
        except KeyboardInterrupt:
            pass
        finally:
            worker.terminate()
