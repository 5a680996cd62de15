"""deploy/ stays in step with the code: the units run commands that exist, and nginx logs
nothing for the anonymous routes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import get_commands
from django.urls import reverse

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_units_run_commands_that_exist() -> None:
    commands = set(get_commands())
    for unit in DEPLOY.glob("*.service"):
        for line in re.findall(r"^ExecStart=(.+)$", unit.read_text(), flags=re.MULTILINE):
            program, *args = line.split()
            if program.endswith("/workings"):
                assert args[0] in commands, f"{unit.name}: workings {args[0]}"
            else:
                assert program.endswith("/gunicorn") and args[0] == "workings.wsgi:application"


@pytest.mark.django_db
def test_nginx_logs_nothing_for_the_anonymous_routes() -> None:
    conf = (DEPLOY / "nginx-workings.conf").read_text()
    web = reverse("concerns:anonymous-raise", args=["stride", "k" * 20])
    api = reverse("api:concern_anonymous_create", args=["stride", "k" * 20])
    for url in (web, api):
        prefix = "/" + "/".join(url.strip("/").split("/")[:-2]) + "/"
        block = re.search(r"location " + re.escape(prefix) + r" \{([^}]*)\}", conf)
        assert block and "access_log off;" in block.group(1), prefix
    assert "$remote_addr" not in conf  # the log format keeps no client address
