"""Browser-test harness: the real demo, served by gunicorn, driven by headless Chromium.

What you get (fixtures in tests/browser/conftest.py)
----------------------------------------------------
- ``demo_site`` (session): builds the real demo with ``workings demo --no-serve`` in a fresh
  temporary WORKINGS_VAR_DIR (a SQLite file there, or a fresh PostgreSQL database
  ``wk_browser_<random>`` when the run's DATABASE_URL is PostgreSQL, dropped at the end), then
  serves it with ``python -m gunicorn workings.wsgi -w 2`` on a free port. It has
  ``base_url``, ``logins`` (the list in demo-logins.json), ``url(path)``, ``login_for(who)``,
  ``mails()`` (outgoing mail: the server uses the file e-mail backend, VAR_DIR/mail) and
  ``links_in_mail(to=..., contains=...)``. Each xdist worker that runs browser tests builds its
  own (the browser tests are spread over both workers: on one, they were the longest part of
  the run), so a browser test must not count on what another test did to the demo.
- ``browser`` (session): Debian's Chromium at /usr/bin/chromium, headless. Never downloaded.
  Missing Chromium skips the test loudly, or fails it under CI=true.
- ``page_as(who)``: a new browser context signed in through the real sign-in form by typing.
  ``who`` is a role from the demo ("lead", "researcher", "contributor", "funder", "observer"),
  "other_lead" (the lead of the other project), or an e-mail address. Call it several times
  for several people; each gets its own context (cookies), closed at the end of the test.
- ``anon_page``: a page in a fresh context, signed out.

Writing a journey test
----------------------
Put it in tests/browser/test_<something>.py with the module marks::

    import pytest
    from tests.browser.harness import assert_accessible, screenshot

    pytestmark = [pytest.mark.browser]

    def test_lead_sees_members(demo_site, page_as):
        page = page_as("lead")
        page.goto(demo_site.url("/projects/stride/members/"))
        assert page.get_by_role("heading", level=1).inner_text() == "Members"
        assert_accessible(page, "members, lead")
        screenshot(page, "members-lead")

Prefer the keyboard (``page.keyboard.press("Tab")``, ``locator.focus()`` + ``press("Enter")``)
and role-based locators (``get_by_role``, ``get_by_label``): they test what a screen-reader or
keyboard user meets. The demo is shared by every browser test in the run: create your own
objects (new projects, new accounts through /accounts/signup/) rather than changing demo data
other tests read. Mail sent by the server lands in VAR_DIR/mail; ``sign_up(...)`` creates and
verifies a new account through the real pages.

Running axe
-----------
``axe_check(page, label)`` injects axe-core (the copy shipped in the axe_playwright_python
package) with ``page.evaluate`` - the page's CSP does not block that - runs it with the WCAG
2.0/2.1/2.2 A and AA rules and returns the list of violations. ``assert_accessible(page,
label)`` asserts there are none and prints each violation's id, help and target nodes.

Screenshots go to ``$ARTIFACTS/screenshots/`` (ARTIFACTS is set by scripts/test.sh, default
``artifacts/``). Run only the browser tests with ``pytest -m browser``; the full crawl is also
marked ``crawl`` (``-m "browser and not crawl"`` skips it).
"""

from __future__ import annotations

import contextlib
import email
import email.message
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VENV_BIN = Path(sys.executable).parent


def require_chromium() -> None:
    """Skip loudly when Chromium or Playwright is missing; under CI=true, fail instead."""
    problem = None
    if not Path(CHROMIUM).exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Python Playwright is not installed"
    if problem is None:
        return
    message = f"!!! BROWSER TESTS NOT RUN: {problem}. !!!"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " CI=true requires them.")
    pytest.skip(message)


def artifacts_dir() -> Path:
    path = Path(os.environ.get("ARTIFACTS", "artifacts")) / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def screenshot(page: Any, name: str, *, full_page: bool = True) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
    path = artifacts_dir() / f"{safe}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


# --- the demo site ---------------------------------------------------------------------------


@dataclass
class DemoSite:
    base_url: str
    logins: list[dict[str, str]]
    var_dir: Path
    env: dict[str, str] = field(repr=False, default_factory=dict)

    def url(self, path: str) -> str:
        return self.base_url + path

    def login_for(self, who: str) -> dict[str, str]:
        """A demo login by e-mail, role ("lead", ...) or "other_lead"."""
        if "@" in who:
            for login in self.logins:
                if login["email"] == who:
                    return login
            return {"email": who, "password": self.logins[0]["password"], "role": "", "project": ""}
        main = self.logins[0]["project"]
        for login in self.logins:
            if who == "other_lead" and login["role"] == "lead" and login["project"] != main:
                return login
            if login["role"] == who and login["project"] == main:
                return login
        raise KeyError(f"No demo login for {who!r}")

    def mails(self) -> list[email.message.EmailMessage]:
        folder = self.var_dir / "mail"
        if not folder.exists():
            return []
        found: list[email.message.EmailMessage] = []
        for path in sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime):
            # The file backend writes several messages to a file, separated by a line of dashes.
            for chunk in re.split(r"\n-{70,}\n", path.read_text(encoding="utf-8")):
                if chunk.strip():
                    found.append(
                        email.message_from_string(chunk.lstrip(), policy=policy.default)  # type: ignore[arg-type]
                    )
        return found

    def links_in_mail(self, *, to: str, contains: str = "") -> list[str]:
        links: list[str] = []
        for message in self.mails():
            if to.lower() not in str(message.get("To", "")).lower():
                continue
            body = message.get_body(preferencelist=("plain",))
            text = body.get_content() if body is not None else message.get_payload()
            links += [u for u in re.findall(r"https?://\S+", str(text)) if contains in u]
        return links


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


@contextlib.contextmanager
def _database(var_dir: Path) -> Iterator[str | None]:
    """A DATABASE_URL for a fresh PostgreSQL database, or None for SQLite in var_dir."""
    url = os.environ.get("DATABASE_URL", "")
    if not _is_postgres(url):
        yield None
        return
    import psycopg

    name = f"wk_browser_{secrets.token_hex(5)}"
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _wait_until_up(proc: subprocess.Popen[bytes], url: str, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"gunicorn exited with {proc.returncode}:\n{log.read_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our server
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} in {timeout}s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def serve_demo() -> Iterator[DemoSite]:
    """Build the demo in a temporary var dir and serve it; everything is removed afterwards."""
    var_dir = Path(tempfile.mkdtemp(prefix="wk-browser-"))
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    try:
        with _database(var_dir) as database_url:
            env = dict(os.environ)
            for name in ("WORKINGS_SQLITE_PATH", "WORKINGS_TEST_SQLITE_PATH", "DATABASE_URL"):
                env.pop(name, None)
            env.update(
                {
                    "WORKINGS_VAR_DIR": str(var_dir),
                    "WORKINGS_ENV": "development",
                    # Fast password hashing and tasks run inline (no worker process needed).
                    "WORKINGS_TESTING": "1",
                    "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                    "EMAIL_FILE_PATH": str(var_dir / "mail"),
                    "SITE_URL": base_url,
                    "DJANGO_SETTINGS_MODULE": "workings.settings",
                }
            )
            env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            if database_url:
                env["DATABASE_URL"] = database_url
            built = subprocess.run(
                [str(VENV_BIN / "workings"), "demo", "--no-serve"],
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            if built.returncode != 0:
                raise RuntimeError(f"workings demo failed:\n{built.stdout}\n{built.stderr}")
            logins = json.loads((var_dir / "demo-logins.json").read_text())
            log = var_dir / "gunicorn.log"
            with log.open("wb") as out:
                proc = subprocess.Popen(
                    [
                        str(VENV_BIN / "python"),
                        "-m",
                        "gunicorn",
                        "workings.wsgi",
                        "-b",
                        f"127.0.0.1:{port}",
                        "-w",
                        "2",
                        "--timeout",
                        "120",
                        "--no-control-socket",
                    ],
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            try:
                _wait_until_up(proc, base_url + "/", log, timeout=60)
                yield DemoSite(base_url=base_url, logins=logins, var_dir=var_dir, env=env)
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                # The server's log (tracebacks of any 500) is kept with the screenshots.
                shutil.copy(log, artifacts_dir().parent / f"gunicorn-{port}.log")
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


# --- signing in -------------------------------------------------------------------------------


def sign_in(page: Any, site: DemoSite, email_address: str, password: str) -> None:
    """Sign in through the real form, by keyboard: focus, type, Enter."""
    page.goto(site.url("/accounts/login/"))
    page.locator("input[name=login]").focus()
    page.keyboard.type(email_address)
    page.locator("input[name=password]").focus()
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    if "/accounts/login/" in page.url:
        problem = page.locator("main").inner_text()[:500]
        raise AssertionError(f"Could not sign in as {email_address} on {page.url}: {problem}")


def sign_up(page: Any, site: DemoSite, email_address: str, password: str) -> None:
    """Create an account through /accounts/signup/ and verify it from the mail it sends.

    Leaves the page signed in (or on the sign-in page if the site asks to sign in again)."""
    page.goto(site.url("/accounts/signup/"))
    page.locator("input[name=email]").fill(email_address)
    for field_locator in page.locator("input[type=password]").all():
        field_locator.fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.press("Enter")
    links = []
    for _ in range(50):
        links = site.links_in_mail(to=email_address, contains="/accounts/confirm-email/")
        if links:
            break
        time.sleep(0.1)
    assert links, f"No verification mail for {email_address} in {site.var_dir / 'mail'}"
    page.goto(links[-1])
    confirm = page.locator("main form button[type=submit]")
    if confirm.count():
        with page.expect_navigation():
            confirm.first.press("Enter")


# --- axe ----------------------------------------------------------------------------------------


@cache
def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_check(page: Any, context_label: str = "") -> list[dict[str, Any]]:
    """Run axe-core on the page with the WCAG 2.x A/AA rules; return the violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    results = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        AXE_TAGS,
    )
    return list(results["violations"])


def format_violations(violations: list[dict[str, Any]], context_label: str = "") -> str:
    lines = [f"axe found {len(violations)} violation(s) on {context_label}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} <{v.get('helpUrl', '')}>")
        for node in v.get("nodes", [])[:10]:
            lines.append(f"    at {node.get('target')}: {node.get('failureSummary', '')!s:.300}")
    return "\n".join(lines)


def assert_accessible(page: Any, context_label: str) -> None:
    violations = axe_check(page, context_label)
    if violations:
        report = format_violations(violations, f"{context_label} ({page.url})")
        print(report)
        raise AssertionError(report)


def focus_is_visible(page: Any) -> bool:
    """True when the focused element shows an outline or a box-shadow."""
    return bool(
        page.evaluate(
            """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
            const shadow = s.boxShadow && s.boxShadow !== "none";
            return outline || !!shadow;
        }"""
        )
    )


def tab_to(page: Any, selector: str, *, text: str | None = None, limit: int = 120) -> None:
    """Press Tab until the focused element matches selector (and, if given, has exactly
    this text); every stop on the way must show a visible focus indicator."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """([sel, text]) => {
                const el = document.activeElement;
                const ok = el.matches(sel) && (text === null || el.textContent.trim() === text);
                return [ok, el.outerHTML];
            }""",
            [selector, text],
        )
        assert focus_is_visible(page), f"No visible focus on {state[1][:200]} ({page.url})"
        if state[0]:
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def tab_and_type(page: Any, selector: str, text: str, *, limit: int = 120) -> None:
    tab_to(page, selector, limit=limit)
    page.keyboard.type(text)


def enter(page: Any) -> None:
    """Press Enter on the focused control and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")
