"""The log signing key: an Ed25519 key in a file outside the database.

A database administrator who can rewrite rows must still be unable to sign a rewritten log,
so the key is read from WORKINGS_SIGNING_KEY_FILE (mode 0600) and never stored in a table.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from workings.ledger.checkpoint import generate_signer


def key_path() -> Path:
    return Path(settings.WORKINGS_SIGNING_KEY_FILE)


def verifier_path() -> Path:
    return key_path().with_suffix(".pub")


def keys_init(*, name: str | None = None, force: bool = False) -> tuple[Path, str]:
    """Create the signing key file. Refuses to replace an existing key unless forced."""
    path = key_path()
    if path.exists() and not force:
        return path, verifier_key()
    signer, verifier = generate_signer(name or settings.WORKINGS_LOG_NAME)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(signer + "\n")
    verifier_path().write_text(verifier + "\n")
    signer_key.cache_clear()
    verifier_key.cache_clear()
    return path, verifier


@functools.cache
def signer_key() -> str:
    path = key_path()
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"No log signing key at {path}. Run `workings keys init` to create one."
        ) from None


@functools.cache
def verifier_key() -> str:
    path = verifier_path()
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"No verifier key at {path}. Run `workings keys init` to create the key pair."
        ) from None
