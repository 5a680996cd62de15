"""`workings check --deploy --fail-level WARNING` is clean under production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

WORKINGS = Path(sys.executable).parent / "workings"


def _production_env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WORKINGS_", "DATABASE_"))}
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    env.update(
        {
            "WORKINGS_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "example.org",
            "WORKINGS_VAR_DIR": str(var_dir),
        }
    )
    return env


def test_check_deploy_is_clean_in_production(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(WORKINGS), "check", "--deploy", "--fail-level", "WARNING"],
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    env = _production_env(tmp_path)
    del env["SECRET_KEY"]
    result = subprocess.run(
        [str(WORKINGS), "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_values(tmp_path: Path) -> None:
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['frame-ancestors'])"
    )
    env = _production_env(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = "workings.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["False", "True", "True", "True", "[\"'none'\"]"], (
        result.stdout + result.stderr
    )


def test_a_sqlite_database_url_gets_the_same_sqlite_settings(tmp_path: Path) -> None:
    """DATABASE_URL=sqlite:///… builds, migrates and then passes the durability checks (WAL,
    IMMEDIATE, synchronous=FULL): the same SQLite settings however the database is named."""
    env = _production_env(tmp_path)
    env["WORKINGS_ENV"] = "development"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'named.sqlite3'}"
    migrate = subprocess.run(
        [str(WORKINGS), "migrate", "--no-input"], env=env, capture_output=True, text=True
    )
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr
    result = subprocess.run(
        [str(WORKINGS), "check", "--database", "default"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert (tmp_path / "named.sqlite3").exists()
