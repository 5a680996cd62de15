"""`workings witness URL --state FILE`: a third party's witness, over HTTP only.

It needs no database and no account: it fetches the project's signed checkpoint, checks the
signature with the log's public key and a consistency proof against the checkpoint it kept
last time, then keeps the new one. Any failure is an ALARM and a non-zero exit.
The fetch function is a parameter so tests can drive it through Django's test client.
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit, urlunsplit

from workings.ledger.checkpoint import CheckpointError, NoteError, parse_checkpoint, verify_note
from workings.verifier.witness import WitnessAlarm, WitnessState, witness_update

Fetch = Callable[[str], tuple[int, str]]  # url -> (HTTP status, body text)


def http_fetch(url: str) -> tuple[int, str]:
    if urlsplit(url).scheme not in ("http", "https"):
        raise WitnessError(f"{url} is not an http(s) address")
    request = urllib.request.Request(url, headers={"User-Agent": "workings-witness/1"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


class WitnessError(Exception):
    """Could not reach or read the log: not an alarm about the log's honesty."""


def _get(fetch: Fetch, url: str) -> str:
    try:
        status, body = fetch(url)
    except (OSError, urllib.error.URLError) as exc:
        raise WitnessError(f"could not fetch {url}: {exc}") from None
    if status != 200:
        raise WitnessError(f"{url} answered HTTP {status}: {body[:200]}")
    return body


def _key_url(base: str) -> str:
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, "/.well-known/workings/log-key", "", ""))


def run(
    url: str,
    state_path: str,
    *,
    key: str | None = None,
    fetch: Fetch = http_fetch,
    out: TextIO,
    err: TextIO,
) -> int:
    """0: the log grew consistently (or did not change); 1: ALARM; 2: could not check."""
    base = url.rstrip("/")
    path = Path(state_path)
    try:
        state = WitnessState.from_json(path.read_text()) if path.exists() else None
        if state is None:
            if key is None:
                key = _get(fetch, _key_url(base)).strip()
                out.write(
                    f"First run: trusting the key published by the site: {key}\n"
                    "Compare it with the key the project gave you some other way.\n"
                )
            note = _get(fetch, base + "/log/checkpoint")
            try:
                origin = parse_checkpoint(verify_note(note, [key])).origin
            except (NoteError, CheckpointError) as exc:
                err.write(f"ALARM: the checkpoint at {base} is not validly signed: {exc}\n")
                return 1
            state = WitnessState(origin=origin, verifier_key=key)
        else:
            note = _get(fetch, base + "/log/checkpoint")
        try:
            new_size = parse_checkpoint(verify_note(note, [state.verifier_key])).size
        except (NoteError, CheckpointError) as exc:
            err.write(
                f"ALARM: the new checkpoint for {state.origin} is not validly signed by the "
                f"log's key: {exc}\n"
            )
            return 1
        proof: list[bytes] = []
        if 0 < state.size <= new_size:
            body = _get(fetch, f"{base}/log/proof/consistency?first={state.size}&second={new_size}")
            proof = [base64.b64decode(h, validate=True) for h in json.loads(body)["hashes"]]
        new_state = witness_update(state, note, proof)
    except WitnessAlarm as alarm:
        err.write(f"{alarm}\n")
        return 1
    except (WitnessError, ValueError, KeyError) as exc:
        err.write(f"error: {exc}\n")
        return 2
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(new_state.to_json() + "\n")
    os.replace(tmp, path)
    if new_state.size == state.size:
        out.write(f"OK: {state.origin} unchanged at {new_state.size:,} entries.\n")
    else:
        out.write(
            f"OK: {state.origin} grew from {state.size:,} to {new_state.size:,} entries, "
            "consistent with the checkpoint kept.\n"
        )
    return 0
