"""A throwaway PostgreSQL cluster in a temporary folder on its own port, so a test can
restart (or kill) the database server without touching the shared one."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def available() -> str:
    """Why a throwaway cluster cannot be made here, or "" when it can."""
    if not _bin("initdb") or not _bin("pg_ctl"):
        return "PostgreSQL's initdb and pg_ctl are not installed"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser"
    return ""


class Cluster:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="workings-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@{HOST}:{self.port}/workings"

    def _run(self, *args: str) -> None:
        command = list(args)
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def _ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses={HOST}"
        self._run(_bin("pg_ctl") or "pg_ctl", "-D", str(self.data), "-w", "-t", "60",
                  "-l", str(self.dir / "log"), "-o", options, *args)  # fmt: skip

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(_bin("initdb") or "initdb", "-D", str(self.data), "-A", "trust",
                  "-U", "postgres", "-E", "UTF8", "--no-sync")  # fmt: skip
        self._ctl("start")
        self._run(_bin("createdb") or "createdb", "-h", HOST, "-p", str(self.port),
                  "-U", "postgres", "workings")  # fmt: skip

    def restart(self) -> None:
        self._ctl("-m", "fast", "restart")

    def stop(self) -> None:
        try:
            self._ctl("-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
