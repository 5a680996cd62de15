"""Section builders: one module per section of the annex. Each takes the LedgerView and
returns plain data (see new()); formats render that data, never the other way round.

A section whose capability is not installed yet, or which has no data, says so plainly
("Nothing recorded yet") instead of disappearing: an empty heading is itself information.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps

from workings.projects.snapshots import MembershipSnapshot

NOTHING = "Nothing recorded yet."

ORDER = (
    "people",
    "agreement",
    "involvement",
    "documents",
    "verification",
    "decisions",
    "feedback",
    "disagreements",
    "concerns",
    "accounts",
    "leavers",
    "plans",
    "audits",
    "tombstones",
    "reply",
    "since_registration",
    "integrity",
)


def new(section_id: str, title: str, intro: str = "") -> dict[str, Any]:
    return {
        "id": section_id,
        "title": title,
        "intro": intro,
        "recorded": False,
        "empty": NOTHING,
        "facts": [],
        "tables": [],
        "items": [],
        "cites": [],
    }


def fact(section: dict[str, Any], label: str, value: Any) -> None:
    section["facts"].append([label, str(value)])
    section["recorded"] = True


def table(section: dict[str, Any], caption: str, columns: list[str], rows: list[list[Any]]) -> None:
    if rows:
        section["tables"].append(
            {"caption": caption, "columns": columns, "rows": [[str(c) for c in r] for r in rows]}
        )
        section["recorded"] = True


def item(
    section: dict[str, Any],
    heading: str,
    body: str = "",
    meta: str = "",
    cites: list[int] | None = None,
) -> None:
    section["items"].append(
        {"heading": heading, "body": body, "meta": meta, "cites": sorted(set(cites or []))}
    )
    section["recorded"] = True


def finish(section: dict[str, Any], view: Any) -> dict[str, Any]:
    cites: set[int] = set(section["cites"])
    for it in section["items"]:
        cites.update(it["cites"])
    section["cites"] = view.cite(*sorted(cites))
    if section["recorded"]:
        section["empty"] = None
    return section


def optional(module: str, *names: str) -> Any:
    """Another app's module, if that app is installed and already has every name asked for.
    Lets a section fill itself in as the other capabilities land, and stay honest before."""
    app = module.split(".")[1]
    if not apps.is_installed(f"workings.{app}"):
        return None
    try:
        mod = import_module(module)
    except ImportError:
        return None
    return mod if all(hasattr(mod, n) for n in names) else None


def build_all(view: Any) -> list[dict[str, Any]]:
    out = []
    for name in ORDER:
        mod = import_module(f"workings.reports.sections.{name}")
        out.append(finish(mod.build(view), view))
    return out


def day(value: Any) -> str:
    """An ISO timestamp or date as a plain date."""
    text = str(value or "")
    return text[:10] if text else "unknown date"


def people_names(view: Any) -> dict[int, str]:
    """user id -> the name this project may show, honouring each person's credit choice.
    Built once per annex from membership snapshots (one query for profile names)."""
    cache = getattr(view, "_names", None)
    if cache is not None:
        return cache
    from workings.accounts.models import User

    rows = view.read(MembershipSnapshot)
    ids = {f.user for _, f, _ in rows if f.user}
    profile = dict(User.objects.filter(pk__in=ids).values_list("pk", "display_name"))
    names: dict[int, str] = {}
    for _, f, _ in rows:
        uid = f.user
        if f.credit == "anonymous":
            names[uid] = "A member who chose to stay anonymous"
        elif f.credit == "pseudonym":
            # Never the account's name behind a pseudonym, even if none was chosen.
            names[uid] = f.display_name or "A member"
        else:
            names[uid] = f.display_name or profile.get(uid) or "A member"
    view._names = names
    return names


def name_of(view: Any, user_ref: Any) -> str:
    if user_ref is None:
        return "someone"
    if isinstance(user_ref, str) and user_ref.startswith("user:"):
        user_ref = int(user_ref[5:])
    return people_names(view).get(user_ref, "someone outside the project")


def member_name(view: Any, membership_id: Any) -> str:
    """The name to show for a membership row, honouring its credit choice."""
    found = view.latest(MembershipSnapshot, membership_id)
    if found is None:
        return "someone"
    return people_names(view).get(found[0].user, "A member")


def label(choices: dict[str, str], value: Any) -> str:
    return choices.get(str(value), str(value or "not stated").replace("_", " "))
