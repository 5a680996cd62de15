"""The multi-process verifier gives exactly the report of the sequential one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ledger_helpers import Log, build

from workings.verifier.parallel import verify_file
from workings.verifier.verify import verify_export


@pytest.fixture(scope="module")
def log() -> Log:
    return build(400, every=37)


def _same(path: Path, vkey: str, workers: int) -> None:
    par = verify_file(str(path), vkey, workers=workers, min_bytes=0)
    with open(path, "rb") as fp:
        seq = verify_export(fp, vkey)
    assert par.ok == seq.ok
    assert par.failures == seq.failures
    assert (par.entries, par.checkpoints, par.erased, par.root, par.size) == (
        seq.entries,
        seq.checkpoints,
        seq.erased,
        seq.root,
        seq.size,
    )
    assert par.latest_checkpoint == seq.latest_checkpoint
    assert par.warnings == seq.warnings


@pytest.mark.parametrize("workers", [2, 3, 7])
def test_clean_export_same_report(log: Log, tmp_path: Path, workers: int) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text(log.export())
    report = verify_file(str(path), log.vkey, workers=workers, min_bytes=0)
    assert report.ok, report.summary()
    assert report.entries == 400
    _same(path, log.vkey, workers)


def _tamper(text: str, how: str) -> str:
    lines = text.splitlines(keepends=True)
    if how == "content":
        obj = json.loads(lines[250])
        obj["content"]["text"] = "rewritten"
        lines[250] = json.dumps(obj) + "\n"
    elif how == "delete":
        del lines[201]
    elif how == "swap":
        lines[200], lines[201] = lines[201], lines[200]
    elif how == "truncate":
        lines = lines[:300] + [x for x in lines if '"checkpoint"' in x]
    elif how == "checkpoint-in-middle":
        cp = [x for x in lines if '"checkpoint"' in x][0]
        lines.insert(120, cp)
    return "".join(lines)


@pytest.mark.parametrize("how", ["content", "delete", "swap", "truncate", "checkpoint-in-middle"])
def test_tampered_export_same_report(log: Log, tmp_path: Path, how: str) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text(_tamper(log.export(), how))
    report = verify_file(str(path), log.vkey, workers=2, min_bytes=0)
    assert not report.ok
    _same(path, log.vkey, 2)


def test_small_files_stay_in_one_process(log: Log, tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text(log.export())
    assert verify_file(str(path), log.vkey, workers=2).ok


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 64, 100, 257])
def test_tree_built_in_parts_has_every_prefix_root(n: int) -> None:
    import random

    from workings.ledger.hashing import CompactRange, prefix_roots
    from workings.verifier.parallel import merge_levels, part_levels

    rng = random.Random(n)
    hashes = [rng.randbytes(32) for _ in range(n)]
    expected = {}
    cr = CompactRange()
    for i, h in enumerate(hashes, start=1):
        cr.append(h)
        expected[i] = cr.root()
    for _ in range(10):
        cuts = sorted({0, n, *(rng.randrange(n + 1) for _ in range(rng.randrange(4)))})
        parts = [
            part_levels(b"".join(hashes[a:b]), a) for a, b in zip(cuts, cuts[1:], strict=False)
        ]
        levels = merge_levels(parts, n)
        roots = prefix_roots(levels, list(range(1, n + 1)))
        assert all(roots[m] == expected[m] for m in range(1, n + 1)), cuts
