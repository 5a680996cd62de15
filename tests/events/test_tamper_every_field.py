"""Every column of every recorded model, changed behind the software's back, is caught by
`workings verify --project`, which names the model, the row and the field. So is a row
deleted by SQL, and a row added without an entry in the log.

The models are found from the app registry (every RecordedModel), so a model or column
added later is held to the same test without anyone remembering to list it here. The
record is the fictional demo, which has rows of every recorded model.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, models, transaction

from tests.events.tamper import sql
from workings.events.audit import project_paths, recorded_models, verify_project
from workings.events.models import Entry
from workings.events.recorded import RecordedModel
from workings.events.services import entry_erase

pytestmark = pytest.mark.django_db


class Undo(Exception):
    """Raised to roll a savepoint back after looking at what the verifier said."""


@pytest.fixture(scope="module")
def verified_demo(demo_once: Any) -> Any:
    check = verify_project(demo_once.projects["stride"])
    assert check.ok, check.summary()
    return demo_once


@pytest.fixture
def demo(verified_demo: Any, db: Any) -> Any:
    """The demo, shared by the module; what a test tampers with is rolled back after it."""
    return verified_demo


def summary(project: Any) -> str:
    check = verify_project(project)
    assert not check.ok, "the verifier found nothing wrong:\n" + check.summary()
    return check.summary()


def columns(model: type[RecordedModel]) -> list[models.Field[Any, Any]]:
    """Every stored column but the key and the row's own pointer into the log."""
    return [f for f in model._meta.concrete_fields if f.name not in ("id", "last_event_seq")]


def snapshot_key(model: type[RecordedModel], name: str) -> str:
    return model.snapshot_keys.get(name, name)


def rows_of(model: type[RecordedModel], project: Any) -> list[Any]:
    query = models.Q()
    for path in project_paths(model):
        query |= models.Q(**{path: project.pk})
    return list(model._default_manager.filter(query).order_by("pk"))


def other_values(field: Any, value: Any) -> Iterator[Any]:
    """Values of the field's own type that differ from `value`, best first."""
    if field.choices:
        yield from (c for c, _ in field.flatchoices if c != value and c != "")
        return
    if isinstance(field, models.BooleanField):
        yield (not value) if value is not None else True
        if field.null:
            yield None
    elif isinstance(field, models.ForeignKey):
        others = field.related_model._default_manager.exclude(pk=value).order_by("pk")
        yield from others.values_list("pk", flat=True)[:30]
        # Every other row is taken (a unique pair): point at no row at all, as an
        # administrator who switched the constraints off could.
        yield (others.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    elif isinstance(field, models.DecimalField):
        yield (value or Decimal(0)) + Decimal("0.25")
    elif isinstance(field, models.DateTimeField):
        yield (value or dt.datetime(2026, 3, 1, tzinfo=dt.UTC)) + dt.timedelta(days=1, hours=3)
    elif isinstance(field, models.DateField):
        yield (value or dt.date(2026, 3, 1)) + dt.timedelta(days=1)
    elif isinstance(field, models.IntegerField):
        yield (value or 0) + 1000
    elif isinstance(field, models.UUIDField):
        yield uuid.uuid4()
    elif isinstance(field, models.JSONField):
        if isinstance(value, dict):
            yield {**value, "added_by_sql": True}
        elif isinstance(value, list):
            yield [*value, 99999]
        else:
            yield {"added_by_sql": True}
    elif isinstance(field, (models.CharField, models.TextField, models.FileField)):
        text = str(value or "")
        limit = field.max_length or 10_000
        yield ("Z" + text)[:limit] if ("Z" + text)[:limit] != text else ("Y" + text)[:limit]
    else:  # pragma: no cover - a new kind of column: this test must learn it
        raise AssertionError(f"No tampered value for a {type(field).__name__}")


def write(model: type[RecordedModel], field: Any, pk: int, value: Any) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(field.column)
    stored = field.get_db_prep_save(value, connection)
    sql(f"UPDATE {table} SET {column} = %s WHERE id = %s", [stored, pk])  # noqa: S608


def write_first_accepted(model: type[RecordedModel], field: Any, row: Any) -> None:
    """Change one column of one row with SQL to the first other value the database accepts
    (a unique column may refuse values other rows hold)."""
    for value in other_values(field, getattr(row, field.attname)):
        try:
            with transaction.atomic():
                write(model, field, row.pk, value)
        except IntegrityError:
            continue
        return
    raise AssertionError(f"No value of {model.snapshot_label()}.{field.name} could be written")


def named(said: str, label: str, pk: int, key: str, how: str = " differs") -> bool:
    """Whether the verifier's report names this row and this field on one line (a keyed
    digest stands in for a reason kept private, leaving-reasons.md)."""
    return any(
        line.startswith(f"{label} {pk} (")
        and (f"field {key}{how}" in line or f"field {key}_digest{how}" in line)
        for line in said.splitlines()
    )


Target = tuple[type[RecordedModel], Any, Any]  # model, column, row
Change = Callable[[type[RecordedModel], Any, Any], None]


def said_after(project: Any, targets: list[Target], change: Change) -> str:
    """What the verifier says with every target changed at once (rolled back afterwards)."""
    said = ""
    try:
        with transaction.atomic():
            for model, field, row in targets:
                change(model, field, row)
            said = verify_project(project).summary()
            raise Undo
    except Undo:
        return said


def missed_targets(
    project: Any, targets: list[Target], change: Change, how: str = " differs"
) -> list[str]:
    """The targets the verifier does not name, each reported with what it said.

    One change per model is made at a time, and the verifier run once for the whole round,
    since it checks each row against its own snapshot; a target the round's report does not
    name is tried again alone, so a change in one model can never excuse a miss in another
    (a row moved to another project takes its children out of this one's check)."""
    rounds: dict[int, list[Target]] = {}
    per_model: dict[type[RecordedModel], int] = {}
    for target in targets:
        n = per_model[target[0]] = per_model.get(target[0], -1) + 1
        rounds.setdefault(n, []).append(target)
    missed = []
    for batch in rounds.values():
        said = said_after(project, batch, change)
        for model, field, row in batch:
            key = snapshot_key(model, field.name)
            if "FAILED" in said and named(said, model.snapshot_label(), row.pk, key, how):
                continue
            alone = said_after(project, [(model, field, row)], change)
            if "FAILED" not in alone or not named(alone, model.snapshot_label(), row.pk, key, how):
                missed.append(f"{model.snapshot_label()} {row.pk} column {field.name}:\n{alone}")
    return missed


def test_every_column_is_in_the_snapshot_or_left_out_with_a_reason(demo: Any) -> None:
    project = demo.projects["stride"]
    problems = []
    for model in recorded_models():
        rows = rows_of(model, project)
        assert rows, f"the demo has no {model.snapshot_label()} rows to test with"
        keys = set(rows[0].snapshot())
        for f in [*columns(model), *model._meta.many_to_many]:
            if f.name in model.unrecorded_fields:
                assert model.unrecorded_fields[f.name].strip(), (model, f.name)
            elif snapshot_key(model, f.name) not in keys:
                problems.append(f"{model.snapshot_label()}.{f.name}")
        assert project_paths(model), f"{model.snapshot_label()} has no way to its project"
    assert not problems, (
        "Columns neither in their model's snapshot nor in its unrecorded_fields: "
        + ", ".join(problems)
    )


def test_every_snapshotted_column_changed_by_sql_is_caught_and_named(demo: Any) -> None:
    project = demo.projects["stride"]
    targets: list[Target] = []
    for model in recorded_models():
        rows = rows_of(model, project)
        for f in columns(model):
            if f.name in model.unrecorded_fields:
                continue
            # A row where the column has a value, so "something to nothing" is tried too.
            row = next((r for r in rows if getattr(r, f.attname) not in (None, "")), rows[0])
            targets.append((model, f, row))
    assert len(targets) > 100
    missed = missed_targets(project, targets, write_first_accepted)
    assert not missed, "\n\n".join(missed)


def empty(model: type[RecordedModel], field: Any, row: Any) -> None:
    write(model, field, row.pk, None if field.null else "")


def test_every_column_emptied_by_sql_is_caught_and_named(demo: Any) -> None:
    """Something to nothing: a nullable column set to NULL, a text column blanked (say, a
    concern's raiser taken away, or a leaving reason wiped)."""
    project = demo.projects["stride"]
    targets: list[Target] = []
    for model in recorded_models():
        rows = rows_of(model, project)
        for f in columns(model):
            text = isinstance(f, (models.CharField, models.TextField))
            if f.name in model.unrecorded_fields or not (f.null or (text and f.blank)):
                continue
            row = next((r for r in rows if getattr(r, f.attname) not in (None, "")), None)
            if row is not None:  # else the demo never fills it in; the test above changes it
                targets.append((model, f, row))
    assert len(targets) >= 15
    missed = missed_targets(project, targets, empty, how="")
    assert not missed, "\n\n".join(missed)


def test_a_membership_raised_to_lead_by_sql_is_caught(demo: Any) -> None:
    from workings.projects.models import Membership

    project = demo.projects["stride"]
    member = Membership.objects.get(project=project, user=demo.people["contributor1"])
    sql("UPDATE projects_membership SET role = 'lead' WHERE id = %s", [member.pk])
    said = summary(project)
    assert f"projects.membership {member.pk} (" in said
    assert f"field role differs from the snapshot in entry {member.last_event_seq}" in said
    out = StringIO()
    with pytest.raises(CommandError, match="does not verify"):
        call_command("verify", project=project.slug, stdout=out)
    assert "field role differs" in out.getvalue()


@pytest.mark.parametrize("style", ["--project", "--project="])
def test_the_workings_command_checks_the_rows_however_the_project_is_named(
    demo: Any, style: str, capsys: Any, monkeypatch: Any
) -> None:
    """`workings verify --project=stride` once went to the file verifier (it looked for
    the word `--project` alone), which knows nothing of the rows."""
    from django.db import connections

    # A command run from the command line closes every connection when it ends, which
    # would end the transaction the module's shared demo lives in.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    from workings.cli import main
    from workings.projects.models import Membership

    project = demo.projects["stride"]
    member = Membership.objects.get(project=project, user=demo.people["contributor1"])
    sql("UPDATE projects_membership SET role = 'lead' WHERE id = %s", [member.pk])
    argv = (
        ["verify", f"--project={project.slug}"]
        if style.endswith("=")
        else ["verify", "--project", project.slug]
    )
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 1
    captured = capsys.readouterr()
    assert f"projects.membership {member.pk} (" in captured.out
    assert "field role differs" in captured.out


def test_a_meeting_participant_added_or_removed_by_sql_is_caught(demo: Any) -> None:
    from workings.projects.models import Membership
    from workings.record.models import Meeting

    project = demo.projects["stride"]
    meeting = next(m for m in Meeting.objects.filter(item__project=project) if m.participants.all())
    through = Meeting.participants.through._meta.db_table
    gone = meeting.participants.order_by("pk").first()
    with pytest.raises(Undo), transaction.atomic():
        sql(
            f"DELETE FROM {through} WHERE meeting_id = %s AND membership_id = %s",
            [meeting.pk, gone.pk],
        )  # noqa: S608,E501
        assert f"record.meeting {meeting.pk} (" in summary(project)
        assert "field participants differs" in summary(project)
        raise Undo
    stranger = Membership.objects.filter(project=project).exclude(
        pk__in=meeting.participants.values("pk")
    )[0]
    sql(
        f"INSERT INTO {through} (meeting_id, membership_id) VALUES (%s, %s)",
        [meeting.pk, stranger.pk],
    )  # noqa: S608,E501
    assert "field participants differs" in summary(project)


def test_one_written_as_true_in_stored_json_is_caught(demo: Any) -> None:
    """Python says 1 == True, so comparing by == let `"funder_stage_index": true` pass for
    the `1` an agreement committed to. Values are compared as committed JSON now."""
    from workings.agreements.models import AgreementVersion

    project = demo.projects["stride"]
    version = AgreementVersion.objects.filter(project=project).order_by("pk").first()
    content = version.content
    assert content["procedure"]["funder_stage_index"] == 1
    content["procedure"]["funder_stage_index"] = True
    write(AgreementVersion, AgreementVersion._meta.get_field("content"), version.pk, content)
    said = summary(project)
    assert f"agreements.agreementversion {version.pk} (" in said
    assert "field content differs" in said


def delete_row(model: type[RecordedModel], row: Any) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    for f in model._meta.many_to_many:
        through = f.remote_field.through._meta
        column = through.get_field(f.m2m_field_name()).column
        sql(f"DELETE FROM {through.db_table} WHERE {column} = %s", [row.pk])  # noqa: S608
    sql(f"DELETE FROM {table} WHERE id = %s", [row.pk])  # noqa: S608


def test_a_row_deleted_by_sql_is_caught_for_every_recorded_model(demo: Any) -> None:
    """One row of every model deleted at once, then (for any the report does not name)
    each again alone."""
    project = demo.projects["stride"]
    targets = [(model, None, rows_of(model, project)[-1]) for model in recorded_models()]

    def deleted(said: str, model: type[RecordedModel], row: Any) -> bool:
        return f"{model.snapshot_label()} {row.pk}: deleted, but entry" in said

    said = said_after(project, targets, lambda model, _f, row: delete_row(model, row))
    missed = []
    for model, _f, row in targets:
        if deleted(said, model, row):
            continue
        alone = said_after(project, [(model, None, row)], lambda m, _f, r: delete_row(m, r))
        if not deleted(alone, model, row):
            missed.append(f"{model.snapshot_label()} {row.pk}:\n{alone}")
    assert not missed, "\n\n".join(missed)


def test_a_row_added_without_an_entry_is_caught(demo: Any) -> None:
    from workings.accounts.models import User
    from workings.projects.models import Membership
    from workings.record.models import Item

    project = demo.projects["stride"]
    item = Item.objects.filter(project=project).order_by("pk").first()
    seq = item.last_event_seq
    item.pk = None
    item.title = "A decision no one recorded"
    item.save()  # through the ORM but not a service: no entry in the log
    # Even pointing it at a real entry does not make it recorded.
    Item.objects.filter(pk=item.pk).update(last_event_seq=seq)
    said = summary(project)
    assert f"record.item {item.pk} (" in said
    assert "no entry in the log records it — added outside Workings" in said

    friend = User.objects.create_user(email="friend@example.org", password="x" * 20)
    sql(
        "INSERT INTO projects_membership (project_id, user_id, role, display_name, credit, "
        "joined_at, left_reason, left_reason_public) "
        "VALUES (%s, %s, 'lead', 'Friend', 'name', %s, '', %s)",
        [project.pk, friend.pk, dt.datetime(2026, 5, 1, tzinfo=dt.UTC), False],
    )
    membership = Membership.objects.get(project=project, user=friend)
    assert f"projects.membership {membership.pk} (" in summary(project)


def test_an_erased_entry_cannot_be_used_to_escape_the_check(demo: Any) -> None:
    """A row is "not checkable" only when its own latest snapshot was erased; pointing a
    tampered row at somebody else's erased entry does not hide it."""
    from workings.projects.models import Membership

    project = demo.projects["stride"]
    lead = demo.people["lead"]
    target = Membership.objects.get(project=project, user=demo.people["contributor1"])
    other = Membership.objects.get(project=project, user=demo.people["contributor2"])
    # Only an entry's author erases it (a lead erases only what the software wrote).
    author = Entry.objects.get(log__project=project, seq=other.last_event_seq).actor or lead
    erasure = entry_erase(
        actor=author, project=project, seq=other.last_event_seq, reason="Personal data"
    )
    # The erasure names every row the erased snapshots described (here the membership and
    # the invitation it came from), so both are "not checkable" rather than failing.
    rows = Entry.objects.get(log__project=project, seq=erasure.seq).body.content["data"]["rows"]
    assert ["projects.membership", other.pk] in rows
    assert any(r[0] == "projects.invitation" for r in rows)
    check = verify_project(project)
    assert check.ok, check.summary()
    sql(
        "UPDATE projects_membership SET role = 'lead', last_event_seq = %s WHERE id = %s",
        [other.last_event_seq, target.pk],
    )
    said = summary(project)
    assert f"projects.membership {target.pk} (" in said
    assert f"projects.membership {target.pk} ({target.label} (Lead)): says its latest" in said


def test_a_registration_whose_frozen_annex_was_rewritten_is_caught(demo: Any) -> None:
    from workings.reports.models import Registration

    project = demo.projects["stride"]
    reg = Registration.objects.filter(project=project).first()
    text = reg.annex_json.replace('"audience"', '"audience" ', 1)
    sql("UPDATE reports_registration SET annex_json = %s WHERE id = %s", [text, reg.pk])
    said = summary(project)
    assert "field annex_json does not match its SHA-256 (annex_sha256)" in said


def test_a_field_older_snapshots_lack_is_listed_not_failed(world: Any, monkeypatch: Any) -> None:
    """A snapshot written before Workings kept a field cannot vouch for it: the verifier
    says so once per model and field instead of failing every old row."""
    from workings.projects import services as ps
    from workings.projects.models import Project

    real = Project.snapshot

    def older(self: Project) -> dict[str, Any]:
        fields = real(self)
        fields.pop("currency")
        return fields

    monkeypatch.setattr(Project, "snapshot", older)
    ps.project_update(
        actor=world.users["lead"], project=world.project, **{**real(world.project), "title": "T"}
    )
    monkeypatch.setattr(Project, "snapshot", real)
    check = verify_project(world.project)
    assert check.ok, check.summary()
    assert (
        "field currency of 1 projects.project row(s): their latest snapshot was written by a "
        "version of Workings that did not keep that field"
    ) in check.not_checkable
    assert "not checkable: field currency" in check.summary()


@pytest.mark.parametrize(
    ("table", "owner"),
    [("record_positionversion", "position"), ("record_accountversion", "item")],
)
def test_an_earlier_version_of_someones_words_rewritten_by_sql_is_caught(
    demo: Any, table: str, owner: str
) -> None:
    """A position's and an own account's earlier versions live in tables of their own; the
    log holds each version's words, so rewriting or removing one by SQL is caught."""
    from workings.record.models import AccountVersion, PositionVersion

    project = demo.projects["stride"]
    model = PositionVersion if owner == "position" else AccountVersion
    version = (
        model.objects.filter(
            **{f"{owner}__{'disagreement__item__' if owner == 'position' else ''}project": project}
        )
        .order_by("pk")
        .first()
    )  # noqa: E501
    assert version is not None, f"the demo has no {table} rows"
    label = "record.position" if owner == "position" else "record.item"
    owner_id = getattr(version, f"{owner}_id")
    with pytest.raises(Undo), transaction.atomic():
        sql(f"UPDATE {table} SET text = %s WHERE id = %s", ["Words never written", version.pk])  # noqa: S608
        said = summary(project)
        assert f"{label} {owner_id} (" in said
        assert f"field text of its version {version.number} ({model._meta.label_lower})" in said
        raise Undo
    sql(f"DELETE FROM {table} WHERE id = %s", [version.pk])  # noqa: S608
    said = summary(project)
    assert f"{label} {owner_id} (" in said
    assert "a version was removed or added" in said or "latest kept version" in said


def test_an_attachment_rewritten_or_removed_in_storage_is_caught(
    demo: Any, settings: Any, tmp_path: Any
) -> None:
    """The log commits to each attachment's SHA-256; the file itself is checked against it.
    (The demo's files are copied to a folder of this test's own first, so no other test's
    shared copy is touched.)"""
    from pathlib import Path

    from django.core.files.storage import default_storage

    from workings.record.models import Attachment

    project = demo.projects["stride"]
    attachments = list(Attachment.objects.filter(item__project=project).order_by("pk"))
    contents = {
        a.file.name: Path(default_storage.path(a.file.name)).read_bytes() for a in attachments
    }
    settings.MEDIA_ROOT = str(tmp_path)
    for name, content in contents.items():
        copy = Path(default_storage.path(name))
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(content)
    attachment = attachments[0]
    path = default_storage.path(attachment.file.name)
    assert path.startswith(str(tmp_path))
    assert verify_project(project).ok
    with open(path, "ab") as fh:
        fh.write(b"\n% added behind the software's back")
    said = summary(project)
    assert f"record.attachment {attachment.pk} (" in said
    assert "its stored file does not match its SHA-256 (field sha256)" in said
    default_storage.delete(attachment.file.name)
    assert "its file is missing from storage (field file)" in summary(project)
