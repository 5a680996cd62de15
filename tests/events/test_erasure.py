"""Erasure removes a person's words everywhere (every table, file, cache and export) while
the log still verifies; nobody erases another person's words; a lead hides, never destroys."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.record import helpers as h
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.events.audit import verify_project
from workings.events.models import Entry, EntryContent, ErasedRow
from workings.events.services import entry_erase, entry_erase_on_request, entry_hide, entry_show
from workings.notifications.models import Notification
from workings.projects.services import project_update
from workings.record.models import AccountVersion, Feedback, Item

pytestmark = pytest.mark.django_db

WORDS = "Please measure whether people can get back to the shops."
TITLE = "Measure what matters to Bernadette"
ANSWER = "Added it as a secondary outcome."


@pytest.fixture
def fed(world: Any) -> Any:
    """A published project with a contributor's feedback, answered by a researcher, and the
    contributor's own account."""
    p = world.project
    project_update(
        actor=world.users["lead"],
        project=p,
        title=p.title,
        summary=p.summary,
        start_date=p.start_date,
        end_date=p.end_date,
        involvement_budget=p.involvement_budget,
        currency=p.currency,
        is_published=True,
    )
    world.project.refresh_from_db()
    world.item = h.feedback(world, title=TITLE, text=WORDS)
    h.answer(world, world.item, what_done=ANSWER)
    world.account = h.account(world, title="How it felt for me", text="I felt heard by Dr Foo.")
    return world


def _seq(world: Any, type_name: str) -> int:
    return (
        Entry.objects.filter(log__project=world.project, type=type_name)
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
    )


def _everything(world: Any, client_for: Any, role: str) -> str:
    """Every place the words could show, as one role sees it."""
    slug = world.project.slug
    c = client_for(world.users[role])
    urls = [
        reverse("record:timeline", kwargs={"slug": slug}),
        reverse("record:item", kwargs={"slug": slug, "pk": world.item.pk}),
        reverse("record:export-csv", kwargs={"slug": slug}),
        reverse("record:export-json", kwargs={"slug": slug}),
        reverse("events:record", kwargs={"slug": slug}),
        f"/api/v1/projects/{slug}/record/items/{world.item.pk}",
        f"/api/v1/projects/{slug}/record/items",
        f"/api/v1/projects/{slug}/log/entries",
        f"/api/v1/projects/{slug}/reports/annex/public",
        reverse("reports:annex", kwargs={"slug": slug, "audience": "public"}),
    ]
    if role in ("lead", "researcher"):
        urls.append(f"/api/v1/projects/{slug}/reports/annex/team")
    if role == "funder":
        urls.append(f"/api/v1/projects/{slug}/reports/annex/funder")
    out = []
    for url in urls:
        r = c.get(url)
        assert r.status_code == 200, (url, r.status_code)
        body = b"".join(r.streaming_content) if r.streaming else r.content
        out.append(f"<<{url}>>" + body.decode())
    return "\n".join(out)


ROLES = ["anon", "outsider", "observer", "contributor", "researcher", "lead", "funder"]


def test_before_erasure_the_words_are_everywhere(fed: Any, client_for: Any) -> None:
    text = _everything(fed, client_for, "anon")
    assert WORDS in text and TITLE in text


def test_author_erases_feedback_and_the_words_are_gone_everywhere(
    fed: Any, client_for: Any
) -> None:
    seq = _seq(fed, "record.feedback_given")
    r = client_for(fed.users["contributor"]).post(
        reverse("events:erase", kwargs={"slug": fed.project.slug, "seq": seq}),
        {"reason": "I no longer want this on the record."},
    )
    assert r.status_code == 302
    for role in ROLES:
        text = _everything(fed, client_for, role)
        assert WORDS not in text, role
        assert TITLE not in text, role
    # The domain rows are blank in the database.
    item = Item.objects.get(pk=fed.item.pk)
    assert (item.title, item.body) == ("", "")
    # The researcher's answer is theirs: it stays, and is still shown.
    assert Feedback.objects.get(item=item).what_done == ANSWER
    # Any entry that quoted the words is erased too (the answer's snapshot held the item).
    answered = EntryContent.objects.get(
        entry__log__project=fed.project, entry__seq=_seq(fed, "record.feedback_answered")
    )
    assert answered.is_erased
    assert answered.erased_reason == f"It quoted entry {seq}, whose words were erased."
    # Entries that never quoted the words are left alone (the account is the author's too).
    account = EntryContent.objects.get(
        entry__log__project=fed.project, entry__seq=_seq(fed, "record.account_written")
    )
    assert not account.is_erased
    for body in EntryContent.objects.filter(content__isnull=False, entry__log__project=fed.project):
        assert WORDS not in json.dumps(body.content)
    # The tombstone.
    page = client_for(None).get(
        reverse("record:item", kwargs={"slug": fed.project.slug, "pk": item.pk})
    )
    assert "at the author’s request" in page.content.decode()
    assert ErasedRow.objects.filter(label="record.item", row_id=item.pk).exists()
    # The log and every row still verify.
    check = verify_project(fed.project)
    assert check.ok, check.summary()
    assert not check.not_checkable, check.summary()
    out = StringIO()
    call_command("verify", project=fed.project.slug, stdout=out)
    assert "OK:" in out.getvalue()


def test_offline_verifier_passes_after_erasure(fed: Any, tmp_path: Any) -> None:
    from workings.events import keys
    from workings.verifier.cli import main

    entry_erase(
        actor=fed.users["contributor"],
        project=fed.project,
        seq=_seq(fed, "record.account_written"),
        reason="Mine to take back.",
    )
    assert AccountVersion.objects.get(item=fed.account).text == ""
    path = tmp_path / "log.jsonl"
    call_command("export", fed.project.slug, out=str(path))
    assert "Dr Foo" not in path.read_text()
    assert main(["verify", str(path), "--key", keys.verifier_key()]) == 0


def test_verify_still_catches_other_edits_of_an_erased_row(fed: Any) -> None:
    entry_erase(
        actor=fed.users["contributor"],
        project=fed.project,
        seq=_seq(fed, "record.feedback_given"),
        reason="Mine.",
    )
    Feedback.objects.filter(item=fed.item).update(what_done="Quietly rewritten")
    check = verify_project(fed.project)
    assert not check.ok
    assert "field what_done differs" in check.summary()


def test_a_lead_cannot_erase_a_contributors_feedback(fed: Any, client_for: Any) -> None:
    seq = _seq(fed, "record.feedback_given")
    lead = client_for(fed.users["lead"])
    page = reverse("events:erase", kwargs={"slug": fed.project.slug, "seq": seq})
    assert lead.get(page).status_code == 403
    assert lead.post(page, {"reason": "Tidying up"}).status_code == 403
    r = lead.post(
        f"/api/v1/projects/{fed.project.slug}/log/entries/{seq}/erase",
        {"reason": "Tidying up"},
        content_type="application/json",
    )
    assert r.status_code == 403
    with pytest.raises(NotAllowed):
        entry_erase(actor=fed.users["lead"], project=fed.project, seq=seq, reason="x")
    assert Item.objects.get(pk=fed.item.pk).body == WORDS
    record = lead.get(reverse("events:record", kwargs={"slug": fed.project.slug})).content
    assert page.encode() not in record


def test_the_author_can_erase_through_the_api(fed: Any, client_for: Any) -> None:
    seq = _seq(fed, "record.feedback_given")
    r = client_for(fed.users["contributor"]).post(
        f"/api/v1/projects/{fed.project.slug}/log/entries/{seq}/erase",
        {"reason": "Mine."},
        content_type="application/json",
    )
    assert r.status_code == 200, r.content
    assert Item.objects.get(pk=fed.item.pk).body == ""


def test_site_admin_erases_on_a_data_protection_request_and_the_author_is_told(
    fed: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    admin = _site_admin()
    seq = _seq(fed, "record.feedback_given")
    url = reverse("events:data-request", kwargs={"slug": fed.project.slug, "seq": seq})
    # Nobody in the project can use the data-protection page, the lead included.
    for role in ("lead", "researcher", "contributor"):
        assert client_for(fed.users[role]).get(url).status_code in (403, 404)
    c = client_for(admin)
    assert c.get(url).status_code == 200
    # The published record offers the site administrator the way in.
    assert (
        url in c.get(reverse("events:record", kwargs={"slug": fed.project.slug})).content.decode()
    )
    r = c.post(url, {"reason": ""})
    assert r.status_code == 400
    assert "data-protection request" in r.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(url, {"reason": "Request DP-12 from the person named in it."})
    assert r.status_code == 302
    assert Item.objects.get(pk=fed.item.pk).body == ""
    notice = Notification.objects.get(user=fed.users["contributor"], kind="entry.erased_on_request")
    assert "Request DP-12" in notice.title
    page = client_for(None).get(
        reverse("record:item", kwargs={"slug": fed.project.slug, "pk": fed.item.pk})
    )
    assert "under a data-protection request" in page.content.decode()
    assert verify_project(fed.project).ok


def test_data_protection_request_needs_a_site_admin(fed: Any) -> None:
    with pytest.raises(NotAllowed):
        entry_erase_on_request(
            actor=fed.users["lead"],
            project=fed.project,
            seq=_seq(fed, "record.feedback_given"),
            reason="x",
        )


def _site_admin() -> Any:
    from workings.accounts.models import User

    admin = User.objects.create_user(email="dpo@example.org", password="x" * 20, display_name="DPO")
    admin.is_staff = True
    admin.save()
    return admin


def test_erase_command(fed: Any, django_capture_on_commit_callbacks: Any) -> None:
    _site_admin()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "erase",
            fed.project.slug,
            str(_seq(fed, "record.account_written")),
            reason="Request DP-13",
            by="dpo@example.org",
            stdout=out,
        )
    assert "erased" in out.getvalue()
    assert Item.objects.get(pk=fed.account.pk).body == ""
    assert Notification.objects.filter(
        user=fed.users["contributor"], kind="entry.erased_on_request"
    ).exists()


def test_erasure_drops_cached_annex_files(fed: Any, client_for: Any) -> None:
    from workings.reports.models import AnnexFile

    slug = fed.project.slug
    r = client_for(fed.users["lead"]).get(
        reverse("reports:annex-download", kwargs={"slug": slug, "audience": "public", "fmt": "md"})
    )
    assert r.status_code in (200, 302)
    assert AnnexFile.objects.filter(project=fed.project).exists()
    entry_erase(
        actor=fed.users["contributor"],
        project=fed.project,
        seq=_seq(fed, "record.feedback_given"),
        reason="Mine.",
    )
    assert not AnnexFile.objects.filter(project=fed.project).exists()


def test_erasing_twice_is_refused(fed: Any) -> None:
    seq = _seq(fed, "record.feedback_given")
    entry_erase(actor=fed.users["contributor"], project=fed.project, seq=seq, reason="Mine.")
    with pytest.raises(ValidationFailed):
        entry_erase(actor=fed.users["contributor"], project=fed.project, seq=seq, reason="Mine.")


def test_lead_hides_an_entry_public_sees_a_tombstone_members_still_read_it(
    fed: Any, client_for: Any
) -> None:
    seq = _seq(fed, "record.feedback_given")
    slug = fed.project.slug
    url = reverse("events:hide", kwargs={"slug": slug, "seq": seq})
    assert (
        client_for(fed.users["contributor"]).post(url, {"category": "harmful"}).status_code == 403
    )
    r = client_for(fed.users["lead"]).post(
        url, {"category": "harmful", "reason": "Names a patient's town."}
    )
    assert r.status_code == 302
    public = _everything(fed, client_for, "anon")
    for part in public.split("<<")[1:]:
        assert WORDS not in part and TITLE not in part, part[:80]
    assert "Hidden by the project lead" in public
    assert "Names a patient’s town." in public or "Names a patient&#x27;s town." in public
    member = (
        client_for(fed.users["observer"])
        .get(reverse("record:item", kwargs={"slug": slug, "pk": fed.item.pk}))
        .content.decode()
    )
    assert WORDS in member and "Hidden from the public" in member
    # Nothing was destroyed, and the record still verifies.
    assert Item.objects.get(pk=fed.item.pk).body == WORDS
    assert verify_project(fed.project).ok
    # Show it again.
    entry_show(actor=fed.users["lead"], project=fed.project, seq=seq)
    assert WORDS in _everything(fed, client_for, "anon")


def test_only_the_lead_hides(fed: Any) -> None:
    seq = _seq(fed, "record.feedback_given")
    with pytest.raises(NotAllowed):
        entry_hide(
            actor=fed.users["researcher"],
            project=fed.project,
            seq=seq,
            category="other",
            reason="x",
        )
    with pytest.raises(ValidationFailed):
        entry_hide(
            actor=fed.users["lead"], project=fed.project, seq=seq, category="other", reason=""
        )


def test_an_agreement_comment_is_erased_by_its_author_only(world: Any) -> None:
    from tests.agreements.helpers import start
    from workings.agreements import services as agreements
    from workings.agreements.models import AgreementComment

    version = start(world)
    comment = agreements.comment_create(
        actor=world.users["contributor"],
        version=version,
        section="payment",
        body="Paying me late hurts my rent.",
    )
    seq = comment.last_event_seq
    with pytest.raises(NotAllowed):
        entry_erase(actor=world.users["lead"], project=world.project, seq=seq, reason="x")
    entry_erase(actor=world.users["contributor"], project=world.project, seq=seq, reason="Mine.")
    assert AgreementComment.objects.get(pk=comment.pk).body == ""
    check = verify_project(world.project)
    assert check.ok, check.summary()


def test_lead_hides_and_shows_through_the_api(fed: Any, client_for: Any) -> None:
    seq = _seq(fed, "record.feedback_given")
    base = f"/api/v1/projects/{fed.project.slug}/log/entries/{seq}"
    lead = client_for(fed.users["lead"])
    refused = client_for(fed.users["contributor"]).post(
        base + "/hide", {"category": "personal"}, content_type="application/json"
    )
    assert refused.status_code == 403
    r = lead.post(base + "/hide", {"category": "personal"}, content_type="application/json")
    assert r.status_code == 200, r.content
    entries = client_for(None).get(f"/api/v1/projects/{fed.project.slug}/log/entries").json()
    hidden = next(e for e in entries["entries"] if e["seq"] == seq)
    assert hidden["content"] is None and hidden["leaf"]
    member = client_for(fed.users["observer"]).get(
        f"/api/v1/projects/{fed.project.slug}/log/entries"
    )
    assert WORDS in member.content.decode()
    assert Entry.objects.filter(log__project=fed.project, type="entry.hidden").exists()
    r = lead.post(base + "/show", content_type="application/json")
    assert r.status_code == 200, r.content
    assert Entry.objects.filter(log__project=fed.project, type="entry.shown").exists()


def test_a_correction_page_does_not_show_erased_words(fed: Any, client_for: Any) -> None:
    from workings.record.services import correction_make

    correction = correction_make(
        actor=fed.users["researcher"],
        project=fed.project,
        item_id=fed.item.pk,
        text="The date was wrong.",
    )
    entry_erase(
        actor=fed.users["contributor"],
        project=fed.project,
        seq=_seq(fed, "record.feedback_given"),
        reason="Mine.",
    )
    page = client_for(None).get(
        reverse("record:item", kwargs={"slug": fed.project.slug, "pk": correction.pk})
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert WORDS not in html and TITLE not in html
    assert "Correction to an erased entry" in html
    assert "The date was wrong." in html
    assert verify_project(fed.project).ok


def test_an_open_concern_is_erased_by_its_raiser_only(world: Any, client_for: Any) -> None:
    from tests.concerns.helpers import raise_open
    from workings.concerns.models import Concern

    concern = raise_open(world, what_happened="Dr Foo shouted at me in the waiting room.")
    seq = concern.last_event_seq
    with pytest.raises(NotAllowed):
        entry_erase(actor=world.users["lead"], project=world.project, seq=seq, reason="x")
    entry_erase(actor=world.users["contributor"], project=world.project, seq=seq, reason="Mine.")
    row = Concern.objects.get(pk=concern.pk)
    assert (row.subject, row.what_happened, row.outcome_wanted) == ("", "", "")
    log = client_for(world.users["lead"]).get(f"/api/v1/projects/{world.project.slug}/log/entries")
    assert "Dr Foo shouted" not in log.content.decode()
    check = verify_project(world.project)
    assert check.ok, check.summary()


def test_notice_titles_that_quoted_the_words_are_replaced(fed: Any) -> None:
    from workings.notifications.services import notify

    notify(
        user_ids=[fed.users["lead"].pk],
        project=fed.project,
        kind="test",
        title=f"New feedback: {TITLE}",
    )
    entry_erase(
        actor=fed.users["contributor"],
        project=fed.project,
        seq=_seq(fed, "record.feedback_given"),
        reason="Mine.",
    )
    titles = list(Notification.objects.filter(project=fed.project).values_list("title", flat=True))
    assert titles and not any(TITLE in t for t in titles)
