"""Erasing an entry's words (by its author, or on a data-protection request) and hiding
or showing an entry in the public view: each is itself an entry in the log."""

from __future__ import annotations

import json
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.events import erasure, snapshots, types
from workings.events.models import (
    Entry,
    EntryContent,
    ErasedRow,
    HiddenEntry,
)
from workings.events.recorded import RecordedModel
from workings.events.services.append import _lock_log, append_event

# Erased text this long or longer is looked for in every other entry's content.
QUOTE_MIN_CHARS = 12


def _reason(reason: str, *, required: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(required, field="reason")
    if len(reason) > 1000:
        raise ValidationFailed(
            _("The reason is too long (1,000 characters at most)."), field="reason"
        )
    return reason


def _locked_body(project: Any, seq: int) -> EntryContent:
    body = (
        EntryContent.objects.select_for_update()
        .select_related("entry")
        .filter(entry__log__project_id=project.pk, entry__seq=seq)
        .first()
    )
    if body is None:
        raise ValidationFailed(
            _("There is no entry %(seq)s in this project's record.") % {"seq": seq}, field="seq"
        )
    return body


@transaction.atomic
def entry_erase(*, actor: Any, project: Any, seq: int, reason: str) -> Entry:
    """Erase the words of an entry, at its author's own request (UK GDPR). An entry with no
    personal author (written by the software) can be erased by a lead. Nobody erases
    another person's words here: that is a data-protection request (below)."""
    from workings.events.permissions import log_policy

    reason = _reason(reason, required="Say why the content is being erased.")
    body = _locked_body(project, seq)
    if not log_policy.can_erase(actor, project, body.entry):
        raise NotAllowed(
            _(
                "Only the person who wrote an entry can erase it. To have someone else's words "
                "erased, make a data-protection request to the site's administrators."
            )
        )
    return _erase(actor=actor, project=project, body=body, reason=reason, on_request=False)


@transaction.atomic
def entry_erase_on_request(*, actor: Any, project: Any, seq: int, reason: str) -> Entry:
    """A site administrator erases an entry's words on a data-protection request. The reason
    is kept in the record and sent to the entry's author in a notice."""
    from workings.events.permissions import log_policy

    reason = _reason(
        reason, required="Say what the data-protection request is (the author will be told)."
    )
    body = _locked_body(project, seq)
    if not log_policy.can_erase_on_request(actor, body.entry):
        raise NotAllowed(_("Only a site administrator can act on a data-protection request."))
    return _erase(actor=actor, project=project, body=body, reason=reason, on_request=True)


def _snapshots(content: Any) -> list[dict[str, Any]]:
    if not isinstance(content, dict):
        return []
    return [s for s in content.get("snapshots", []) if isinstance(s, dict)]


def _row(label: str, pk: Any) -> Any:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if not issubclass(model, RecordedModel):
        return None
    return model._default_manager.filter(pk=pk).first()


def _quotes(content: Any, blanked: dict[tuple[str, int], set[str]], words: set[str]) -> bool:
    """Whether an entry's content still holds any of the erased words."""
    for snap in _snapshots(content):
        keys = blanked.get((snap.get("model", ""), snap.get("id", -1)))
        fields = snap.get("fields") or {}
        if keys and any(fields.get(k) not in (None, "", [], {}) for k in keys):
            return True
    if words:
        # Compare in the JSON form, so words with quotes or line breaks are found too.
        text = json.dumps(content, ensure_ascii=False)
        return any(json.dumps(w, ensure_ascii=False)[1:-1] in text for w in words)
    return False


def _erase(*, actor: Any, project: Any, body: EntryContent, reason: str, on_request: bool) -> Entry:
    entry = body.entry
    if body.is_erased:
        raise ValidationFailed(
            _("Entry %(seq)s has already been erased.") % {"seq": entry.seq}, field="seq"
        )
    # Take the log's lock now, so no append can add a quoting entry while we look for them.
    _lock_log(transaction.get_connection(), project.pk)
    # 1. Each app blanks what the entry's author wrote in the rows the entry describes.
    blanked: dict[tuple[str, int], set[str]] = {}
    changed: dict[tuple[str, int], Any] = {}
    said: set[str] = set()
    for snap in _snapshots(body.content):
        label, pk = str(snap.get("model", "")), snap.get("id")
        eraser = erasure.eraser_for(label)
        row = _row(label, pk) if eraser is not None else None
        if eraser is None or row is None:
            continue
        for blank in eraser(row, entry.actor_id):
            key = (blank.row.snapshot_label(), blank.row.pk)
            changed[key] = blank.row
            blanked.setdefault(key, set()).update(blank.old)
            said.update(v.strip() for v in blank.old.values() if isinstance(v, str) and v.strip())
    # Long enough to be the person's own words, not a common word found everywhere.
    words = {w for w in said if len(w) >= QUOTE_MIN_CHARS}
    # 2. Every other entry that still quotes those words is erased with it.
    targets = [body]
    others = (
        EntryContent.objects.select_related("entry")
        .filter(entry__log__project_id=project.pk, erased_at__isnull=True)
        .exclude(pk=body.pk)
        .order_by("entry__seq")
    )
    if blanked or words:
        targets += [
            b for b in others.iterator(chunk_size=500) if _quotes(b.content, blanked, words)
        ]
    target_seqs = {b.entry.seq for b in targets}
    # 3. Rows whose latest snapshot is gone, and rows just blanked, get a fresh snapshot in
    # the erasure entry, so verify compares them again (and still sees any other edit).
    for b in targets:
        for snap in _snapshots(b.content):
            key = (str(snap.get("model", "")), snap.get("id"))
            if key in changed:
                continue
            row = _row(*key)
            if row is not None and row.last_event_seq in target_seqs:
                changed[key] = row  # type: ignore[index]
    private = any(_members_only(b.entry.type) for b in targets)
    erasure_type = snapshots.ENTRY_ERASED_MEMBERS if private else snapshots.ENTRY_ERASED
    also = sorted(target_seqs - {entry.seq})
    erasure_entry = append_event(
        project=project,
        type=erasure_type.name,
        actor=actor,
        content={
            "erased_seq": entry.seq,
            "also_erased": also,
            "on_request": on_request,
            "reason": reason,
            # Which rows the erased snapshots described (model and id, nothing personal), so
            # the verifier can tell "its latest snapshot was erased" from a row pointed at an
            # erased entry by SQL to escape the check.
            "rows": [
                list(r)
                for r in sorted(
                    {
                        (str(s["model"]), int(s["id"]))
                        for b in targets
                        for s in _snapshots(b.content)
                    }
                )
            ],
        },
        subjects=[changed[k] for k in sorted(changed, key=lambda k: (k[0], k[1]))],
    )
    if erasure_entry is None:  # only sealed events wait for a batch; erasures are not sealed
        raise RuntimeError("The erasure was not recorded.")
    moment = clock.now()
    for pks, why in (([body.pk], reason), ([b.pk for b in targets[1:]], _quoted(entry.seq))):
        EntryContent.objects.filter(pk__in=pks).update(
            content=None,
            salt=None,
            members_content=None,
            erased_at=moment,
            erased_reason=why,
            erasure_seq=erasure_entry.seq,
            erased_on_request=on_request,
        )
    ErasedRow.objects.bulk_create(
        [
            ErasedRow(
                log_id=entry.log_id,
                label=label,
                row_id=pk,
                erased_at=moment,
                on_request=on_request,
                erasure_seq=erasure_entry.seq,
            )
            for label, pk in sorted(blanked)
        ]
    )
    # 4. Files and caches built from the log are made again without the words.
    erasure.purge(project)
    erasure.scrub(project, {w for w in said if len(w) >= 4})
    told = erasure.Erased(
        project_id=project.pk,
        seq=entry.seq,
        erasure_seq=erasure_entry.seq,
        author_id=entry.actor_id,
        by_id=actor.pk if actor is not None else None,
        on_request=on_request,
        reason=reason,
    )
    transaction.on_commit(lambda: erasure.tell(told))
    return erasure_entry


@transaction.atomic
def entry_hide(*, actor: Any, project: Any, seq: int, category: str, reason: str = "") -> Entry:
    """The lead hides an entry from the public view, with a reason the public sees in its
    place. Nothing is destroyed: members still read it (marked hidden), and it can be shown
    again."""
    from workings.events.permissions import log_policy

    entry = Entry.objects.filter(log__project_id=project.pk, seq=seq).first()
    if entry is None:
        raise ValidationFailed(
            _("There is no entry %(seq)s in this project's record.") % {"seq": seq}, field="seq"
        )
    if not log_policy.can_hide(actor, project, entry):
        raise NotAllowed(_("Only the project's lead can hide an entry from the public view."))
    if category not in HiddenEntry.Category.values:
        raise ValidationFailed(_("Choose why the entry is being hidden."), field="category")
    reason = (reason or "").strip()
    if category == HiddenEntry.Category.OTHER and not reason:
        raise ValidationFailed(_("Say why the entry is being hidden."), field="reason")
    if len(reason) > 1000:
        raise ValidationFailed(
            _("The reason is too long (1,000 characters at most)."), field="reason"
        )
    if HiddenEntry.objects.filter(entry=entry, shown_at__isnull=True).exists():
        raise ValidationFailed(
            _("Entry %(seq)s is already hidden from the public.") % {"seq": seq}, field="seq"
        )
    event = append_event(
        project=project,
        type=snapshots.ENTRY_HIDDEN.name,
        actor=actor,
        content={"hidden_seq": seq, "category": category, "reason": reason},
    )
    moment = clock.now()
    HiddenEntry.objects.bulk_create(
        [
            HiddenEntry(
                entry=e,
                category=category,
                reason=reason,
                hidden_by=actor,
                hidden_at=moment,
                hide_seq=event.seq,
            )
            for e in [entry, *_quoting(project, entry)]
        ]
    )
    erasure.purge(project)  # public annex files made before no longer match
    return event


@transaction.atomic
def entry_show(*, actor: Any, project: Any, seq: int) -> Entry:
    """Show a hidden entry to the public again."""
    from workings.events.permissions import log_policy

    entry = Entry.objects.filter(log__project_id=project.pk, seq=seq).first()
    if entry is None:
        raise ValidationFailed(
            _("There is no entry %(seq)s in this project's record.") % {"seq": seq}, field="seq"
        )
    if not log_policy.can_hide(actor, project, entry):
        raise NotAllowed(_("Only the project's lead can show a hidden entry again."))
    hiding = (
        HiddenEntry.objects.select_for_update()
        .select_related("entry")
        .filter(entry=entry, shown_at__isnull=True)
        .first()
    )
    if hiding is None:
        raise ValidationFailed(_("Entry %(seq)s is not hidden.") % {"seq": seq}, field="seq")
    event = append_event(
        project=project, type=snapshots.ENTRY_SHOWN.name, actor=actor, content={"shown_seq": seq}
    )
    # The entries hidden with it (they quoted its rows) are shown again with it.
    HiddenEntry.objects.filter(
        entry__log_id=hiding.entry.log_id, hide_seq=hiding.hide_seq, shown_at__isnull=True
    ).update(shown_at=clock.now(), show_seq=event.seq)
    erasure.purge(project)
    return event


def _quoting(project: Any, entry: Entry) -> list[Entry]:
    """Other entries whose snapshots hold a row the entry describes (so they quote it), not
    already hidden: they are hidden with it, or the public would read the words there."""
    body = EntryContent.objects.filter(entry=entry).values_list("content", flat=True).first()
    rows = {(s.get("model"), s.get("id")) for s in _snapshots(body)}
    if not rows:
        return []
    found = []
    others = (
        EntryContent.objects.select_related("entry")
        .filter(entry__log__project_id=project.pk, erased_at__isnull=True, entry__sealed=False)
        .exclude(entry=entry)
        .exclude(entry__hidings__shown_at__isnull=True, entry__hidings__isnull=False)
    )
    for other in others.iterator(chunk_size=500):
        if any((s.get("model"), s.get("id")) in rows for s in _snapshots(other.content)):
            found.append(other.entry)
    return found


def _quoted(seq: int) -> str:
    return f"It quoted entry {seq}, whose words were erased."


def _members_only(name: str) -> bool:
    return types.audience_of(name, sealed=False) == types.Audience.MEMBERS
