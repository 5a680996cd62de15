"""The Record page, erasure pages and the funder's witness page."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from tests.events.helpers import add_events
from tests.events.tamper import drop_triggers, sql
from workings.events import keys
from workings.events.models import Checkpoint, EntryContent, Log, WitnessedCheckpoint
from workings.events.services import append_event
from workings.ledger.checkpoint import format_checkpoint, generate_signer, sign_note

pytestmark = pytest.mark.django_db


def record_url(world: Any) -> str:
    return reverse("events:record", kwargs={"slug": world.project.slug})


def test_record_page_query_count_does_not_grow(
    world: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    c = client_for(world.users["lead"])
    # Same kinds of rows on both pages: the count may depend on the kinds, never on the number.
    add_events(world.project, world.users["lead"], 10, subjects=[world.project])
    c.get(record_url(world))  # warm caches (sessions, content types)
    with django_assert_max_num_queries(40) as small:
        assert c.get(record_url(world)).status_code == 200
    add_events(world.project, world.users["lead"], 190, subjects=[world.project])
    with django_assert_max_num_queries(40) as big:
        r = c.get(record_url(world))
    assert r.status_code == 200
    assert len(big.captured_queries) == len(small.captured_queries)
    assert b"Older entries" in r.content
    older = c.get(record_url(world) + "?before=" + str(r.context["next_before"]))
    assert older.status_code == 200


def test_record_page_links_to_record_items_without_a_query_per_item(
    world: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    from tests.record.helpers import feedback

    c = client_for(world.users["lead"])
    feedback(world)
    c.get(record_url(world))
    with django_assert_max_num_queries(40) as small:
        assert c.get(record_url(world)).status_code == 200
    for n in range(12):
        feedback(world, title=f"Feedback number {n}")
    with django_assert_max_num_queries(40) as big:
        r = c.get(record_url(world))
    assert r.status_code == 200
    assert len(big.captured_queries) == len(small.captured_queries)
    assert b"/working-record/" in r.content


def test_record_page_links_to_the_check_in_plain_words(world: Any, client_for: Any) -> None:
    r = client_for(world.users["observer"]).get(record_url(world))
    html = r.content.decode()
    assert f'href="/projects/{world.project.slug}/record/check/"' in html
    assert 'href="/glossary/"' in html
    assert "Project started" in html


def test_check_page_shows_checkpoint_key_and_other_ways(world: Any, client_for: Any) -> None:
    r = client_for(world.users["observer"]).get(f"/projects/{world.project.slug}/record/check/")
    html = r.content.decode()
    assert keys.verifier_key() in html
    assert "Other ways to check (for technical checkers)" in html
    assert Checkpoint.objects.filter(log__project=world.project).latest("size").note in html
    assert 'id="check-messages"' in html and "/static/events/check.js" in html
    assert f"/api/v1/projects/{world.project.slug}/log/entries" in html


def test_sealed_entries_show_only_the_day(world: Any, client_for: Any) -> None:
    with transaction.atomic():
        append_event(
            project=world.project,
            type="project.updated",
            actor=world.users["contributor"],
            content={"secret": "concern text"},
            sealed=True,
        )
    html = client_for(world.users["observer"]).get(record_url(world)).content.decode()
    assert "A private entry (confidential) was made on" in html
    assert "concern text" not in html
    sealed_card = html.split("A private entry (confidential)")[1].split("</li>")[0]
    assert "Contributor Person" not in sealed_card


def test_a_sealed_entry_checkpoint_is_dated_to_the_day_only(world: Any) -> None:
    import datetime as dt

    from workings.core.clock import frozen_at

    with frozen_at(dt.datetime(2026, 5, 4, 15, 37, 12, tzinfo=dt.UTC)), transaction.atomic():
        entry = append_event(
            project=world.project,
            type="project.updated",
            actor=world.users["contributor"],
            content={"secret": "concern text"},
            sealed=True,
        )
    checkpoint = Checkpoint.objects.get(log__project=world.project, size=entry.seq + 1)
    assert checkpoint.created_at == dt.datetime(2026, 5, 4, tzinfo=dt.UTC)


def test_erase_confirm_then_tombstone(world: Any, client_for: Any) -> None:
    entry = add_events(world.project, world.users["researcher"], 1)[0]
    url = reverse("events:erase", kwargs={"slug": world.project.slug, "seq": entry.seq})
    assert client_for(world.users["observer"]).get(url).status_code == 403
    researcher = client_for(world.users["researcher"])
    assert researcher.get(url).status_code == 200
    assert researcher.post(url, {"reason": ""}).status_code == 400
    r = researcher.post(url, {"reason": "It named my neighbour."})
    assert r.status_code == 302
    body = EntryContent.objects.get(entry=entry)
    assert body.is_erased and body.content is None
    html = client_for(world.users["lead"]).get(record_url(world)).content.decode()
    assert "It named my neighbour." in html


def test_erase_links_only_for_those_allowed(world: Any, client_for: Any) -> None:
    entry = add_events(world.project, world.users["lead"], 1)[0]
    link = reverse("events:erase", kwargs={"slug": world.project.slug, "seq": entry.seq})
    assert link.encode() in client_for(world.users["lead"]).get(record_url(world)).content
    observer = client_for(world.users["observer"]).get(record_url(world)).content
    assert link.encode() not in observer
    own = world.memberships["observer"].last_event_seq
    own_link = reverse("events:erase", kwargs={"slug": world.project.slug, "seq": own})
    assert own_link.encode() in observer  # their own acceptance: about them


def witness_url(world: Any) -> str:
    return reverse("events:witness", kwargs={"slug": world.project.slug})


def test_witness_keeps_consistent_checkpoints_with_proofs(world: Any, client_for: Any) -> None:
    funder = client_for(world.users["funder"])
    assert funder.get(witness_url(world)).status_code == 200
    first = WitnessedCheckpoint.objects.get(witness=world.users["funder"])
    assert first.consistent and first.previous_size is None
    funder.get(witness_url(world))
    assert WitnessedCheckpoint.objects.filter(witness=world.users["funder"]).count() == 1
    add_events(world.project, world.users["lead"], 5)
    r = funder.get(witness_url(world))
    kept = list(WitnessedCheckpoint.objects.filter(witness=world.users["funder"]).order_by("size"))
    assert len(kept) == 2 and kept[1].consistent
    assert kept[1].previous_size == first.size and kept[1].proof
    assert b'role="alert"' not in r.content
    assert client_for(world.users["lead"]).get(witness_url(world)).status_code == 403


def test_witness_raises_a_loud_alarm_on_a_rewritten_log(world: Any, client_for: Any) -> None:
    funder = client_for(world.users["funder"])
    funder.get(witness_url(world))
    log = Log.objects.get(project=world.project)
    # A site holding the key signs a different history of a bigger size (a fork).
    add_events(world.project, world.users["lead"], 1)
    drop_triggers()
    latest = Checkpoint.objects.filter(log=log).order_by("-size").first()
    assert latest is not None
    sql("DELETE FROM events_checkpoint WHERE id = %s", [latest.pk])
    fake_root = bytes(32)
    note = sign_note(format_checkpoint(log.origin, latest.size, fake_root), keys.signer_key())
    Checkpoint.objects.create(log=log, size=latest.size, root=fake_root, note=note)
    r = funder.get(witness_url(world))
    assert b'role="alert"' in r.content
    assert b"do not agree" in r.content
    bad = WitnessedCheckpoint.objects.filter(witness=world.users["funder"], consistent=False).get()
    assert "ALARM" in bad.alarm


def test_witness_alarm_on_a_checkpoint_signed_by_another_key(world: Any, client_for: Any) -> None:
    funder = client_for(world.users["funder"])
    funder.get(witness_url(world))
    log = Log.objects.get(project=world.project)
    add_events(world.project, world.users["lead"], 1)
    drop_triggers()
    latest = Checkpoint.objects.filter(log=log).order_by("-size").first()
    assert latest is not None
    sql("DELETE FROM events_checkpoint WHERE id = %s", [latest.pk])
    other, _ = generate_signer("workings.test")
    note = sign_note(format_checkpoint(log.origin, latest.size, bytes(latest.root)), other)
    Checkpoint.objects.create(log=log, size=latest.size, root=latest.root, note=note)
    r = funder.get(witness_url(world))
    assert b'role="alert"' in r.content and b"not validly signed" in r.content


def test_witness_alarm_when_the_site_key_was_replaced(world: Any, client_for: Any) -> None:
    funder = client_for(world.users["funder"])
    funder.get(witness_url(world))
    saved = {p: p.read_text() for p in (keys.key_path(), keys.verifier_path())}
    try:
        keys.keys_init(name="workings.test", force=True)
        add_events(world.project, world.users["lead"], 1)
        r = funder.get(witness_url(world))
    finally:
        for path, text in saved.items():
            path.write_text(text)
        keys.signer_key.cache_clear()
        keys.verifier_key.cache_clear()
    assert b'role="alert"' in r.content
    bad = WitnessedCheckpoint.objects.filter(witness=world.users["funder"], consistent=False).get()
    assert "signing key has changed" in bad.alarm
