"""What the page benchmarks share: build a database in a subprocess, serve it with
gunicorn, load URLs in alternating slices (so every URL sees the same background load on a
shared machine), and print each URL's figures and its ratio to the trivial view.

Used by bench/home.py, pages.py, plans.py, public.py, portfolio.py and record_check.py; the load
generator itself is bench/web.py's.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import web

TRIVIAL = "trivial view (log key)"


def build(setup: str, env: dict[str, str], *args: str) -> dict | None:
    """Run a SETUP script in a subprocess; the JSON on its last line, or None (its error
    output printed) when it failed."""
    built = subprocess.run(
        [str(web.VENV_BIN / "python"), "-c", setup, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:
        print(built.stderr[-4000:], file=sys.stderr)
        return None
    return json.loads(built.stdout.strip().splitlines()[-1])


def start_server(
    var_dir: Path, env: dict[str, str], workers: int, timeout: float = 180
) -> tuple[subprocess.Popen[bytes], int]:
    """gunicorn with `workers` sync workers on a free loopback port, access log off; waits
    until it answers (a loaded shared machine starts slowly). Stop it with web.stop_server."""
    port = web._free_port()
    server = subprocess.Popen(
        [
            str(web.VENV_BIN / "python"),
            "-m",
            "gunicorn",
            "workings.wsgi",
            "-b",
            f"{web.HOST}:{port}",
            "-w",
            str(workers),
            "--access-logfile",
            "/dev/null",
        ],
        env=env,
        stdout=(var_dir / "gunicorn.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        web._wait_until_up(port, server, timeout=timeout)
    except RuntimeError:
        print((var_dir / "gunicorn.log").read_text()[-3000:], file=sys.stderr)
        web.stop_server(server)
        raise
    return server, port


@dataclass
class Slices:
    """Every latency per URL, its errors, and the median of each of its slices (ms)."""

    seconds: float
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    medians: dict[str, list[float]] = field(default_factory=dict)


def load_in_slices(
    port: int, urls: dict[str, tuple[str, str]], seconds: float, rounds: int, connections: int
) -> Slices:
    """Each URL (name: (path, cookie)) gets `seconds` in all, in `rounds` slices taken in
    turn, after a short warm-up of every worker."""
    for path, cookie in urls.values():
        web._run(port, path, cookie, 2, connections)
    out = Slices(seconds, {n: [] for n in urls}, dict.fromkeys(urls, 0), {n: [] for n in urls})
    for _ in range(rounds):
        for name, (path, cookie) in urls.items():
            got, err, _elapsed = web._run(port, path, cookie, seconds / rounds, connections)
            out.latencies[name] += got
            out.errors[name] += err
            out.medians[name].append(statistics.median(got) * 1000 if got else float("nan"))
    return out


def print_table(slices: Slices, heading: str, width: int = 36) -> None:
    print(heading)
    print(f"{'URL':{width}} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'slice medians ms':>22} err")
    for name, values in slices.latencies.items():
        ms = sorted(v * 1000 for v in values)
        spread = f"{min(slices.medians[name]):.1f}-{max(slices.medians[name]):.1f}"
        print(
            f"{name:{width}} {len(values) / slices.seconds:7.0f} {statistics.median(ms):7.1f} "
            f"{ms[int(len(ms) * 0.95)]:7.1f} {spread:>22} {slices.errors[name]:3d}"
        )


def within(slices: Slices, names: list[str], limit: float = 4.0) -> bool:
    """Print each named URL's median over the trivial view's (and the same ratio slice by
    slice, to show how much it moved with the machine's load); whether all are within
    `limit` with no error."""
    base = statistics.median(slices.latencies[TRIVIAL])
    trivial = slices.medians[TRIVIAL]
    ok = True
    for name in names:
        ratio = statistics.median(slices.latencies[name]) / base
        per_slice = [m / t for m, t in zip(slices.medians[name], trivial, strict=True)]
        print(
            f"{name} / trivial view: {ratio:.2f}x (slices {min(per_slice):.2f}-"
            f"{max(per_slice):.2f}; target <= {limit:g})"
        )
        ok = ok and ratio <= limit and slices.errors[name] == 0
    return ok
