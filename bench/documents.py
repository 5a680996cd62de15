"""Benchmark: co-owned documents (issue 12).

    .venv/bin/python bench/documents.py [--rounds 15] [--versions 50] [--suggestions 500]

1. Word diff: two 10,000-word versions (the second with about one word in twenty changed,
   added or removed, in runs, as editing does) through `workings.documents.diff.word_diff`,
   alternating with a baseline in the same run: splitting both texts into words (the least
   any word diff must do). Target: under 200 ms.
2. Document page: a fresh SQLite database in a temporary directory (migrated in this
   process, throwaway signing key), a document with 50 versions and 500 suggestions made
   through the services; then, in alternating slices, the latest version's page and the
   document's page (signed in as an owner) against the nearly trivial view
   /.well-known/workings/log-key through Django's test client (full middleware, no server).
   Target: the document pages within 4x the trivial view's time. For context it also times
   the project overview page (the simplest page behind the same permission check).
Prints median and spread (p10-p90) of each; everything is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def texts(n: int, seed: int = 12) -> tuple[str, str]:
    """Two versions of an n-word text that reads like prose: sentences of 6-24 words from a
    600-word vocabulary with a Zipf-like spread (so "the" is everywhere, as in English),
    paragraphs of about five sentences. The second version changes, adds or removes about
    one word in twenty, in short runs, and rewrites a few sentences whole."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(600)]
    weights = [1 / (i + 1) for i in range(600)]
    words: list[str] = []
    while len(words) - words.count("\n") < n:
        length = rng.randint(6, 24)
        sentence = rng.choices(vocab, weights, k=length)
        sentence[-1] += "."
        words.extend(sentence)
        if rng.random() < 0.2:
            words.append("\n")
    a = words
    b: list[str] = []
    i = 0
    while i < len(a):
        roll = rng.random()
        if roll < 0.02:  # a run replaced
            run = rng.randint(1, 4)
            b.extend(rng.choice(vocab).upper() for _ in range(run))
            i += run
        elif roll < 0.035:  # a run removed
            i += rng.randint(1, 3)
        elif roll < 0.05:  # a run added
            b.extend(rng.choice(vocab).title() for _ in range(rng.randint(1, 3)))
        else:
            b.append(a[i])
            i += 1
    return " ".join(a), " ".join(b)


def interleaved(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {k: [] for k in fns}
    for r in range(rounds):
        order = list(fns.items()) if r % 2 == 0 else list(reversed(fns.items()))
        for name, fn in order:
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def describe(name: str, ms: list[float]) -> str:
    q = statistics.quantiles(ms, n=10)
    return f"{name:<34} median {statistics.median(ms):8.2f} ms  (p10 {q[0]:.2f}, p90 {q[-1]:.2f})"


def bench_diff(rounds: int) -> float:
    from workings.documents.diff import word_diff

    old, new = texts(10_000)
    print(f"texts: {len(old.split()):,} and {len(new.split()):,} words")
    from workings.agreements.diff import word_diff as plain

    start = time.perf_counter()
    plain(old, new)
    print(f"for comparison, plain difflib over all words, once: {_ms(start):.0f} ms")
    times = interleaved(
        {
            "word diff, 10,000 words": lambda: word_diff(old, new),
            "baseline: split both into words": lambda: (old.split(), new.split()),
        },
        rounds,
    )
    for name, ms in times.items():
        print(describe(name, ms))
    median = statistics.median(times["word diff, 10,000 words"])
    print(f"word diff median {median:.1f} ms (target < 200 ms)")
    return median


def owners_agreement(lead: object, owner: object) -> dict[str, object]:
    """The agreement's documents section: `owner` has the final say."""
    return {"documents": {"final_say": "all", "owners": [owner.pk]}}  # type: ignore[attr-defined]


def build_document(lead: object, project: object, versions: int, suggestions_n: int) -> tuple:
    """A document with `versions` versions and `suggestions_n` suggestions, made through the
    services (each a ledger event). Returns (document, latest version)."""
    from workings.documents import services, suggestions
    from workings.documents.models import Kind

    old, _ = texts(400)
    old = old.replace("\n", "")
    words = old.split()
    doc = services.document_create(actor=lead, project=project, kind=Kind.INVOLVEMENT, text=old)
    per_version = max(1, suggestions_n // versions)
    made = 0
    for n in range(1, versions + 1):
        latest = doc.versions.order_by("-number").first()
        for k in range(per_version):
            if made >= suggestions_n:
                break
            suggestions.suggestion_make(
                actor=lead,
                document=doc,
                number=latest.number,
                original=words[k],
                replacement=words[k].upper(),
                occurrence=1,
            )
            made += 1
        if n < versions:
            words[n % len(words)] = f"edit{n}"
            services.version_propose(
                actor=lead, document=doc, base=latest.number, text=" ".join(words)
            )
    latest = doc.versions.order_by("-number").first()
    print(f"document: {doc.versions.count()} versions, {made} suggestions")
    return doc, latest


def bench_page(rounds: int, versions: int, suggestions_n: int) -> None:
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "workings.settings"
    django.setup()
    from bench_project import lead_and_contributor
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)

    lead, owner, _member, project = lead_and_contributor(owners_agreement)
    doc, latest = build_document(lead, project, versions, suggestions_n)
    client = Client()
    client.force_login(owner)
    version_url = latest.get_absolute_url()
    doc_url = doc.get_absolute_url()
    trivial = "/.well-known/workings/log-key"
    for url in (version_url, doc_url, trivial):
        assert client.get(url).status_code == 200, url
    times = interleaved(
        {
            "latest version page": lambda: client.get(version_url),
            "document page": lambda: client.get(doc_url),
            "trivial view": lambda: client.get(trivial),
            "reference: project overview page": lambda: client.get(project.get_absolute_url()),
        },
        rounds,
    )
    for name, ms in times.items():
        print(describe(name, ms))
    base = statistics.median(times["trivial view"])
    overview = statistics.median(times["reference: project overview page"])
    for name in ("latest version page", "document page"):
        ratio = statistics.median(times[name]) / base
        print(f"{name} / trivial view: {ratio:.2f}x (target <= 4x)")
        print(f"{name} / project overview page: {statistics.median(times[name]) / overview:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--suggestions", type=int, default=500)
    args = parser.parse_args()
    bench_diff(args.rounds)
    var_dir = Path(tempfile.mkdtemp(prefix="workings-bench-documents-"))
    os.environ["WORKINGS_VAR_DIR"] = str(var_dir)
    for name in (
        "DATABASE_URL",
        "WORKINGS_SQLITE_PATH",
        "WORKINGS_TEST_SQLITE_PATH",
        "WORKINGS_TESTING",
    ):
        os.environ.pop(name, None)
    try:
        bench_page(args.rounds, args.versions, args.suggestions)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
