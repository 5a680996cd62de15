"""Helpers for agreement tests: a complete draft, proposed and signed as needed."""

from __future__ import annotations

import copy
from typing import Any

from workings.agreements import services
from workings.agreements.models import AgreementVersion


def start(world: Any, who: str = "lead", **kw: Any) -> AgreementVersion:
    return services.draft_start(actor=world.users[who], project=world.project, **kw)


def save(world: Any, version: AgreementVersion, who: str = "lead", **changes: Any) -> Any:
    content = copy.deepcopy(version.content)
    for key, value in changes.items():
        if key in content["sections"] and isinstance(value, str):
            content["sections"][key] = value
        else:
            content[key] = value
    return services.draft_save(
        actor=world.users[who], version=version, revision=version.revision, content=content
    )


def proposed(world: Any, **changes: Any) -> AgreementVersion:
    version = start(world)
    if changes:
        version = save(world, version, **changes)
    return services.version_propose(actor=world.users["lead"], version=version)


def sign(world: Any, version: AgreementVersion, who: str, answer: str = "agree", words: str = ""):
    return services.signature_create(
        actor=world.users[who], version=version, answer=answer, words=words
    )


def in_force(world: Any) -> AgreementVersion:
    version = proposed(world)
    sign(world, version, "lead")
    sign(world, version, "contributor", "agree_with_reservations", "Payment is too slow.")
    version.refresh_from_db()
    return version
