"""Benchmark: "Check this record" in headless Chromium over a 10,000-entry log (issue 16).

    .venv/bin/python bench/record_check.py [--entries 10000] [--rounds 6]

Builds a temporary SQLite database in a subprocess: the bench project (bench_project.py)
and enough entries appended through append_event (each signed, as in production) to make
the log --entries long. Starts gunicorn (2 sync workers) on 127.0.0.1 and opens the
project's check page in Debian's Chromium, signed in as the project's lead (who may read
every entry, so every content commitment is opened too).

Each round, in turn: the baseline, the same page downloading the same checkpoint, key and
entries (the same requests, three at a time) without checking anything; then the whole
check, from the click to the answer on the page. Target (issue 16): the check of a
10,000-entry log under 10 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import served  # noqa: E402 - start gunicorn (bench/served.py)
import web  # noqa: E402 - server helpers of bench/web.py

SETUP = r"""
import json, os, sys
sys.path.insert(0, os.environ["BENCH_DIR"])
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from django.db import transaction
from django.test import Client
from bench_project import lead_and_contributor
from workings.events.models import Entry
from workings.events.services import append_event

lead, contributor, member, project = lead_and_contributor()
target = int(sys.argv[1])
n = Entry.objects.filter(log__project=project).count()
while n < target:
    with transaction.atomic():
        append_event(project=project, type="project.updated", actor=lead,
                     content={"note": f"Bench entry {n}: the plan changed a little."})
    n += 1
client = Client()
client.force_login(lead)
assert client.get("/projects/bench/record/check/").status_code == 200
print(json.dumps({"cookies": [{"name": k, "value": m.value} for k, m in client.cookies.items()],
                  "entries": n}))
"""

DOWNLOAD_ONLY = """async () => {
  const box = document.querySelector("[data-record-check]");
  const get = async (u) => {
    const r = await fetch(u);
    if (!r.ok) throw new Error(u);
    return r.text();
  };
  const t0 = performance.now();
  await get(box.dataset.keyUrl);
  const note = await get(box.dataset.checkpointUrl);
  const size = WorkingsCheck.parseNote(note).size;
  const starts = [];
  for (let s = 0; s < size; s += 1000) starts.push(s);
  let next = 0;
  const worker = async () => {
    while (next < starts.length) {
      const s = starts[next++];
      const end = Math.min(s + 1000, size);
      JSON.parse(await get(box.dataset.entriesUrl + "?start=" + s + "&end=" + end));
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return performance.now() - t0;
}"""


def whole_check(page: object) -> float:
    page.evaluate("localStorage.clear()")  # type: ignore[attr-defined]
    page.evaluate("document.querySelector('[data-check-result]').textContent = ''")  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    page.get_by_role("button", name="Check this record now").click()  # type: ignore[attr-defined]
    page.locator("[data-check-result] > div").wait_for(timeout=120_000)  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - t0
    text = page.locator("[data-check-result]").inner_text()  # type: ignore[attr-defined]
    assert "entries check out" in text, text
    return elapsed * 1000


def summary(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.0f} ms "
        f"(min {min(values):.0f}, max {max(values):.0f}, n={len(values)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    var_dir = Path(tempfile.mkdtemp(prefix="wk-bench-check-"))
    env = {**web._env(var_dir), "BENCH_DIR": str(ROOT / "bench")}
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    server = None
    try:
        t0 = time.monotonic()
        built = subprocess.run(
            [str(web.VENV_BIN / "python"), "-c", SETUP, str(args.entries)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if built.returncode != 0:
            print(built.stderr[-4000:], file=sys.stderr)
            return 1
        info = json.loads(built.stdout.strip().splitlines()[-1])
        print(f"Built a {info['entries']}-entry log in {time.monotonic() - t0:.1f} s")
        server, port = served.start_server(var_dir, env, workers=2, timeout=30)
        base = f"http://{web.HOST}:{port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
            )
            context = browser.new_context()
            context.add_cookies([{**c, "domain": web.HOST, "path": "/"} for c in info["cookies"]])
            page = context.new_page()
            page.goto(base + "/projects/bench/record/check/")
            page.evaluate(DOWNLOAD_ONLY)  # warm both workers
            whole_check(page)
            download: list[float] = []
            check: list[float] = []
            for _ in range(args.rounds):
                download.append(float(page.evaluate(DOWNLOAD_ONLY)))
                check.append(whole_check(page))
            browser.close()
        version = subprocess.run(
            ["/usr/bin/chromium", "--version"], capture_output=True, text=True, check=False
        )
        print(f"Chromium: {version.stdout.strip()}")
        print(f"download only (baseline): {summary(download)}")
        print(f"whole check in the page:  {summary(check)}")
        ratio = statistics.median(check) / statistics.median(download)
        print(f"ratio check / download: {ratio:.2f}; target: whole check under 10,000 ms")
        return 0
    finally:
        web.stop_server(server)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
