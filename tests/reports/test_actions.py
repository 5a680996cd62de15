"""Right of reply, registrations and the GRIPP2 narrative: rules and bad input."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.urls import reverse

from workings.core.clock import frozen_at
from workings.core.exceptions import Conflict, NotAllowed, ValidationFailed
from workings.events.models import Entry
from workings.reports import annex, services
from workings.reports.models import Registration, ReplyAnswer

pytestmark = pytest.mark.django_db

DAY1 = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def _section(doc: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in doc["sections"] if s["id"] == sid)


def _round(world: Any, days: int = 7) -> Any:
    with frozen_at(DAY1):
        return services.reply_round_open(
            actor=world.users["lead"], project=world.project, purpose="Stage 2 bid", days=days
        )


def test_right_of_reply_round(rworld: Any) -> None:
    from tests.factories import add_member, make_user

    quiet = make_user("quiet@example.org", "Quiet Person")
    add_member(rworld.project, rworld.users["lead"], quiet, "contributor")
    talker = rworld.users["contributor"]
    rnd = _round(rworld)
    assert set(rnd.invited) == {talker.pk, rworld.extra["anon"].pk, quiet.pk}
    with frozen_at(DAY1 + dt.timedelta(days=2)):
        services.reply_answer(
            actor=talker,
            project=rworld.project,
            round_id=rnd.pk,
            kind="reply",
            statement="It was  *harder* than this says.\nMuch harder.",
        )
        services.reply_answer(
            actor=rworld.extra["anon"], project=rworld.project, round_id=rnd.pk, kind="decline"
        )
    doc = annex.build(project=rworld.project, audience="team")
    reply = _section(doc, "reply")
    facts = dict(reply["facts"])
    assert facts["Replied"] == "Contributor Person"
    assert facts["Declined"] == "A member who chose to stay anonymous"
    assert facts["Did not answer"] == "Quiet Person"
    assert reply["items"][0]["body"] == "It was  *harder* than this says.\nMuch harder."


def test_reply_after_the_window_is_refused(world: Any) -> None:
    rnd = _round(world, days=3)
    with frozen_at(DAY1 + dt.timedelta(days=4)), pytest.raises(ValidationFailed, match="closed"):
        services.reply_answer(
            actor=world.users["contributor"],
            project=world.project,
            round_id=rnd.pk,
            kind="reply",
            statement="Late",
        )
    assert not ReplyAnswer.objects.exists()
    with frozen_at(DAY1 + dt.timedelta(days=3)):  # the last day still counts
        services.reply_answer(
            actor=world.users["contributor"],
            project=world.project,
            round_id=rnd.pk,
            kind="decline",
        )


def test_reply_page_after_the_window(world: Any, client_for: Any) -> None:
    _round(world, days=1)
    client = client_for(world.users["contributor"])
    url = reverse("reports:reply", args=[world.project.slug])
    with frozen_at(DAY1 + dt.timedelta(days=5)):
        response = client.post(url, {"kind": "reply", "statement": "Too late?"})
    assert response.status_code == 400
    assert b"window closed on" in response.content
    assert not ReplyAnswer.objects.exists()


def test_reply_rules(world: Any) -> None:
    rnd = _round(world)
    with frozen_at(DAY1):
        with pytest.raises(NotAllowed):
            services.reply_answer(
                actor=world.users["researcher"],
                project=world.project,
                round_id=rnd.pk,
                kind="decline",
            )
        with pytest.raises(ValidationFailed, match="Write your statement"):
            services.reply_answer(
                actor=world.users["contributor"],
                project=world.project,
                round_id=rnd.pk,
                kind="reply",
                statement="  ",
            )
        services.reply_answer(
            actor=world.users["contributor"],
            project=world.project,
            round_id=rnd.pk,
            kind="decline",
        )
        with pytest.raises(Conflict):
            services.reply_answer(
                actor=world.users["contributor"],
                project=world.project,
                round_id=rnd.pk,
                kind="reply",
                statement="Changed my mind",
            )
        with pytest.raises(NotAllowed):
            services.reply_round_open(
                actor=world.users["researcher"], project=world.project, purpose="x", days=3
            )
        with pytest.raises(ValidationFailed):
            services.reply_round_open(
                actor=world.users["lead"], project=world.project, purpose="x", days=0
            )


def test_register_freezes_and_refuses_twice(world: Any) -> None:
    lead = world.users["lead"]
    reg = services.registration_create(actor=lead, project=world.project, audience="team")
    frozen = json.loads(reg.annex_json)
    assert frozen["checkpoint"]["size"] == reg.checkpoint_size
    assert Entry.objects.filter(log__project=world.project, type="report.registered").count() == 1
    before = Entry.objects.count()
    with pytest.raises(Conflict, match="already registered"):
        services.registration_create(
            actor=lead, project=world.project, audience="team", checkpoint_size=reg.checkpoint_size
        )
    assert Entry.objects.count() == before and Registration.objects.count() == 1
    with pytest.raises(PermissionError):
        reg.delete()
    with pytest.raises(NotAllowed):  # a lead may not see (so not register) the funder annex
        services.registration_create(actor=lead, project=world.project, audience="funder")


def test_withdraw_needs_a_reason_and_leaves_a_tombstone(world: Any, client_for: Any) -> None:
    lead = world.users["lead"]
    reg = services.registration_create(actor=lead, project=world.project, audience="team")
    with pytest.raises(ValidationFailed, match="Say why"):
        services.registration_withdraw(actor=lead, registration=reg, reason=" ")
    reg.refresh_from_db()
    assert not reg.is_withdrawn
    client = client_for(lead)
    url = reverse("reports:registration-withdraw", args=[reg.uuid])
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Wrong audience chosen."}).status_code == 302
    page = client_for(world.users["observer"]).get(reg.get_absolute_url())
    assert b"Withdrawn" in page.content and b"Wrong audience chosen." in page.content
    with pytest.raises(Conflict):
        services.registration_withdraw(actor=lead, registration=reg, reason="again")


def test_since_registration_section(world: Any) -> None:
    from tests.events.helpers import add_events

    lead = world.users["lead"]
    reg = services.registration_create(actor=lead, project=world.project, audience="team")
    add_events(world.project, lead, 3)
    since = _section(annex.build(project=world.project, audience="team"), "since_registration")
    facts = dict(since["facts"])
    assert facts["Record size then"] == str(reg.checkpoint_size)
    assert facts["Entries recorded since"] == "4"  # the registration event and three more


def test_registration_page_and_json(world: Any, client_for: Any) -> None:
    reg = services.registration_create(
        actor=world.users["lead"], project=world.project, audience="team"
    )
    client = client_for(world.users["researcher"])
    assert b"Who was involved" in client.get(reg.get_absolute_url()).content
    data = client.get(reg.get_absolute_url(), {"format": "json"}).content.decode()
    assert data == reg.annex_json
    assert client_for(world.users["funder"]).get(reg.get_absolute_url()).status_code == 403


def test_narrative_versions(world: Any, client_for: Any) -> None:
    v1 = services.narrative_save(
        actor=world.users["lead"], project=world.project, text="## 4d\nA", based_on=0
    )
    v2 = services.narrative_save(
        actor=world.users["contributor"], project=world.project, text="## 4d\nB", based_on=1
    )
    assert (v1.number, v2.number) == (1, 2)
    with pytest.raises(Conflict, match="version 2"):
        services.narrative_save(
            actor=world.users["researcher"], project=world.project, text="C", based_on=1
        )
    with pytest.raises(NotAllowed):
        services.narrative_save(
            actor=world.users["observer"], project=world.project, text="D", based_on=2
        )
    assert Entry.objects.filter(type="report.narrative_saved").count() == 2
    page = client_for(world.users["observer"]).get(
        reverse("reports:gripp2", args=[world.project.slug]) + "?form=long"
    )
    assert b"Version 2" in page.content
    assert b"4d, level or nature of involvement" not in page.content  # covered by the narrative
    assert b"1d, conclusions: nothing recorded yet" in page.content


def test_pages_open_a_round_register_and_list(world: Any, client_for: Any) -> None:
    lead = client_for(world.users["lead"])
    slug = world.project.slug
    bad = lead.post(reverse("reports:reply-open", args=[slug]), {"purpose": "Bid", "days": 0})
    assert bad.status_code == 400
    ok = lead.post(reverse("reports:reply-open", args=[slug]), {"purpose": "Bid", "days": 5})
    assert ok.status_code == 302
    contributor = client_for(world.users["contributor"])
    page = contributor.get(reverse("reports:reply", args=[slug]))
    assert b"Bid" in page.content
    sent = contributor.post(
        reverse("reports:reply", args=[slug]), {"kind": "reply", "statement": "My words."}
    )
    assert sent.status_code == 302
    assert b"You have answered" in contributor.get(reverse("reports:reply", args=[slug])).content
    reg = lead.post(reverse("reports:register", args=[slug]), {"audience": "team"})
    assert reg.status_code == 302 and reg["Location"].startswith("/registrations/")
    size = Registration.objects.get().checkpoint_size
    twice = lead.post(
        reverse("reports:register", args=[slug]), {"audience": "team", "checkpoint": size}
    )
    assert twice.status_code == 400 and b"already registered" in twice.content
    listed = client_for(world.users["observer"]).get(
        reverse("api:reports_registrations", args=[slug])
    )
    assert [r["audience"] for r in listed.json()] == ["team"]
    index = lead.get(reverse("reports:index", args=[slug]))
    assert b"Answers so far" in index.content and b"Registrations" in index.content
