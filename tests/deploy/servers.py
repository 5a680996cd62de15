"""App servers (gunicorn) and workers (`workings worker`) as separate process groups, so a
test can kill one with SIGKILL as a machine failure would."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.deploy.cluster import HOST, free_port
from tests.ops.site import ROOT, WORKINGS

BIN = Path(sys.executable).parent


class Process:
    def __init__(self, command: list[str], env: dict[str, str], log: Path) -> None:
        self.command, self.env, self.log = command, env, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                self.command, env=self.env, cwd=ROOT, stdout=out, stderr=out,
                start_new_session=True,
            )  # fmt: skip

    def kill(self) -> None:
        """SIGKILL the whole process group: no clean-up runs."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


class AppServer(Process):
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        super().__init__(
            [str(BIN / "gunicorn"), "workings.wsgi:application", "--bind",
             f"{HOST}:{self.port}", "--workers", "2", "--timeout", "60"],
            env, log,
        )  # fmt: skip

    def wait_until_up(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None and self.proc.poll() is None, self.log.read_text()
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
                conn.request("GET", "/.well-known/workings/log-key")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"the app server did not start: {self.log.read_text()}")

    def post(self, path: str, body: dict[str, Any], token: str) -> tuple[int, Any]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            conn.request(
                "POST", path, json.dumps(body),
                {"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )  # fmt: skip
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()


class Worker(Process):
    def __init__(self, env: dict[str, str], log: Path) -> None:
        super().__init__([str(WORKINGS), "worker", "--interval", "0.3"], env, log)
