"""Erased and withheld items: shown as tombstones and counted, never silently dropped."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import fact, item, new

MAX_LISTED = 200


def build(view: Any) -> dict[str, Any]:
    s = new(
        "tombstones",
        "Erased and withheld items",
        "Some entries' content was erased (for example at a person's request under data "
        "protection law) or is not shown to this audience. Each still has its place in the "
        "record, and is counted here.",
    )
    erased = [e for e in view.entries if e.erased]
    withheld = [e for e in view.entries if e.withheld and not e.erased]
    reasons: dict[int, str] = {}
    for e in view.of_type("entry.erased", "entry.erased_private"):
        if isinstance(e.content, dict):
            data = e.content.get("data") or {}
            if "erased_seq" in data:
                first = int(data["erased_seq"])
                reasons[first] = str(data.get("reason", ""))
                # Entries erased with it because they quoted its words.
                for seq in data.get("also_erased") or ():
                    reasons[int(seq)] = f"It quoted entry {first}, whose words were erased."
    fact(s, "Entries in the record", view.size)
    fact(s, "Entries whose content was erased", len(erased))
    sealed = sum(1 for e in withheld if e.sealed)
    fact(s, "Sealed entries not shown to this audience", sealed)
    unpublished = sum(1 for e in withheld if e.unpublished)
    fact(s, "Other entries not shown to this audience", len(withheld) - sealed - unpublished)
    if unpublished:
        # Not published: a type the team keeps off the public page, or a contributor's
        # entry without their consent (counted, never silently dropped).
        fact(s, "Entries not published (the team's choice or a contributor's consent)", unpublished)
    hidden = _hidden_comments(view)
    if hidden:
        fact(
            s,
            "Comments on posts hidden by a moderator (each leaves a note in its place)",
            sum(hidden.values()),
        )
        for label, count in sorted(hidden.items()):
            fact(s, f"Comments hidden because: {label}", count)
        back = [
            e
            for e in view.of_type("posts.appeal_decided")
            if isinstance(e.content, dict) and (e.content.get("data") or {}).get("upheld")
        ]
        fact(s, "Hidden comments brought back after their writer appealed", len(back))
    for e in erased[:MAX_LISTED]:
        item(
            s,
            f"Entry {e.seq}: content erased",
            reasons.get(e.seq, "The reason is not shown to this audience."),
            f"Recorded {e.recorded_at.date().isoformat()} as {e.type}",
            [e.seq],
        )
    if len(erased) > MAX_LISTED:
        fact(s, "Erased entries not listed here (see the JSON)", len(erased) - MAX_LISTED)
    s["recorded"] = bool(erased or withheld or hidden)
    if not s["recorded"]:
        s["empty"] = "Nothing has been erased or withheld."
        s["facts"] = []
    return s


def _hidden_comments(view: Any) -> dict[str, int]:
    """Comments hidden by moderation, by reason category (a public event: moderation never
    deletes silently, so every audience sees the count)."""
    from workings.posts.models import HideReason

    counts: dict[str, int] = {}
    for e in view.of_type("posts.comment_hidden"):
        data = (e.content.get("data") or {}) if isinstance(e.content, dict) else {}
        reason = str(data.get("reason", ""))
        label = str(HideReason(reason).label) if reason in HideReason.values else reason
        counts[label] = counts.get(label, 0) + 1
    return counts
