"""Each funder organisation's witness key (C2SP tlog-cosignature, Ed25519).

Kept like the log's own signing key (docs/decisions/key-storage.md): the private half is a
file, mode 0600, at WORKINGS_WITNESS_KEY_DIR/<organisation>.key, never in a table, so that a
database administrator who rewrites a log cannot also forge the funders' cosignatures. The
public half is on the organisation's row, its page and its API, for anyone to check with.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from workings.funders.models import FunderOrganisation
from workings.verifier.cosignature import generate_witness_key, parse_witness_key


def witness_name(organisation: FunderOrganisation) -> str:
    return f"{settings.WORKINGS_LOG_NAME}/witness/{organisation.slug}"


def key_file(organisation: FunderOrganisation) -> Path:
    return Path(settings.WORKINGS_WITNESS_KEY_DIR) / f"{organisation.slug}.key"


@transaction.atomic
def witness_key_init(*, organisation: FunderOrganisation, force: bool = False) -> str:
    """Create the organisation's witness key if it has none (a site administrator's step,
    `workings funders witness-key SLUG`). Returns the public key. Refuses to replace a key
    without ``force``: a new key makes every earlier cosignature the old key's."""
    org = FunderOrganisation.objects.select_for_update().get(pk=organisation.pk)
    path = key_file(org)
    if org.witness_key and path.exists() and not force:
        return org.witness_key
    signer, verifier = generate_witness_key(witness_name(org))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(signer + "\n")
    org.witness_key = verifier
    org.save(update_fields=["witness_key"])
    organisation.witness_key = verifier
    return verifier


def witness_signer(organisation: FunderOrganisation) -> str:
    """The organisation's private witness key, from its file."""
    path = key_file(organisation)
    try:
        signer = path.read_text().strip()
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"No witness key for {organisation.slug} at {path}. "
            f"Run `workings funders witness-key {organisation.slug}`."
        ) from None
    expected = parse_witness_key(organisation.witness_key)
    if f"+{expected.name}+{expected.key_id:08x}+" not in f"+{signer}":
        raise ImproperlyConfigured(
            f"The witness key file {path} does not match {organisation.slug}'s public key."
        )
    return signer
