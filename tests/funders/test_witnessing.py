"""Funder organisations as witnesses: their key, cosigning each project's newest checkpoint,
serving the cosignature with the checkpoint and the export, and the alarm on a tampered log."""

from __future__ import annotations

import io
import os
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.concerns.helpers import raise_open
from tests.events.tamper import drop_triggers
from workings.core.exceptions import ValidationFailed
from workings.events import keys
from workings.events.audit import export_project
from workings.events.models import Checkpoint, Cosignature, Entry
from workings.events.services.cosigning import cosignature_add
from workings.funders.models import WitnessAlarm
from workings.funders.witness_keys import key_file, witness_key_init
from workings.funders.witnessing import witness_all
from workings.ledger.checkpoint import format_checkpoint, sign_note
from workings.notifications.models import Notification
from workings.verifier.cosignature import (
    cosign,
    generate_witness_key,
    note_text,
    verify_cosignature,
)
from workings.verifier.verify import verify_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def fund(world: Any, settings: Any, tmp_path: Any) -> Any:
    settings.WORKINGS_WITNESS_KEY_DIR = str(tmp_path / "witnesses")
    organisation = world.extra["funder_organisation"]
    witness_key_init(organisation=organisation)
    return organisation


def _checkpoint_url(world: Any) -> str:
    return reverse("api:log-checkpoint", args=[world.project.slug])


def test_the_key_is_a_private_file_and_its_public_half_is_shown(
    world: Any, fund: Any, client_for: Any
) -> None:
    path = key_file(fund)
    assert path.exists() and (os.stat(path).st_mode & 0o777) == 0o600
    assert fund.witness_key and fund.witness_key not in path.read_text()
    assert witness_key_init(organisation=fund) == fund.witness_key  # not replaced
    page = client_for(world.users["funder"]).get(reverse("funders:detail", args=[fund.slug]))
    assert fund.witness_key in page.content.decode()
    assert "PRIVATE" not in page.content.decode()


def test_the_newest_checkpoint_is_cosigned_and_served_with_it(
    world: Any, fund: Any, client_for: Any
) -> None:
    assert witness_all() == {"cosigned": 1}
    note = client_for(world.users["contributor"]).get(_checkpoint_url(world)).content.decode()
    assert verify_cosignature(note, fund.witness_key).timestamp > 0
    assert witness_all() == {"unchanged": 1}
    raise_open(world)
    assert witness_all() == {"cosigned": 1}
    assert Cosignature.objects.filter(witness_key=fund.witness_key).count() == 2
    out = io.StringIO()
    export_project(world.project, out)
    lines = out.getvalue().splitlines(keepends=True)
    report = verify_export(lines, keys.verifier_key(), [fund.witness_key])
    assert report.ok, report.summary()
    other = generate_witness_key("someone.else")[1]
    assert not verify_export(lines, keys.verifier_key(), [other]).ok


def test_a_forged_cosignature_is_refused_and_nothing_is_kept(world: Any, fund: Any) -> None:
    checkpoint = Checkpoint.objects.filter(log__project=world.project).order_by("-size").first()
    forger, _ = generate_witness_key(fund.witness_key.split("+")[0])
    line = cosign(note_text(checkpoint.note), forger, 1)
    with pytest.raises(ValidationFailed, match="does not check out"):
        cosignature_add(checkpoint=checkpoint, witness_key=fund.witness_key, line=line)
    assert not Cosignature.objects.exists()


def test_a_rewritten_log_raises_the_alarm_everywhere(
    world: Any, fund: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    witness_all()
    raise_open(world)
    # Someone with the database and the log's key re-signs a different history.
    newest = Checkpoint.objects.filter(log__project=world.project).order_by("-size").first()
    origin = newest.log.origin
    fake_root = b"\x07" * 32
    drop_triggers()
    Checkpoint.objects.filter(pk=newest.pk).update(
        root=fake_root,
        note=sign_note(format_checkpoint(origin, newest.size, fake_root), keys.signer_key()),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert witness_all() == {"alarm": 1}
    alarm = WitnessAlarm.objects.get()
    assert alarm.project == world.project and "ALARM" in alarm.message
    assert Entry.objects.filter(log__project=world.project, type="witness.alarm").exists()
    notice = Notification.objects.get(kind="witness.alarm")
    assert notice.user == world.users["funder"]
    page = client_for(world.users["funder"]).get(reverse("funders:portfolio", args=[fund.slug]))
    text = page.content.decode()
    assert "may have been changed" in text and 'role="alert"' in text
    # Nothing more is cosigned for that project until a person has looked.
    assert witness_all() == {"held": 1}


def test_the_reminders_run_queues_the_witness(world: Any, fund: Any) -> None:
    call_command("send-reminders", stdout=io.StringIO())
    assert Cosignature.objects.filter(witness_key=fund.witness_key).count() == 1


def test_the_command_line_creates_the_key_and_witnesses(world: Any, fund: Any) -> None:
    out = io.StringIO()
    call_command("funders", "witness", stdout=out)
    assert "cosigned: 1" in out.getvalue()
