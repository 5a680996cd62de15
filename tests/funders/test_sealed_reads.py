"""Every read of sealed content is recorded (who, when) and shown to the raiser; and the
pages that say who reads a confidential concern name exactly the people who can."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.concerns.helpers import concern_data, raise_anonymous, raise_confidential
from tests.factories import make_user
from workings.concerns import services as concern_services
from workings.core.clock import frozen_at
from workings.events.audit import verify_project
from workings.events.models import Entry
from workings.funders import services as funder_services
from workings.funders.models import SealedRead
from workings.projects.permissions import project_policy

pytestmark = pytest.mark.django_db


def _detail(world: Any, concern: Any) -> str:
    return reverse("concerns:detail", args=[world.project.slug, concern.pk])


def test_a_reviewers_page_read_is_recorded_once_a_day_and_shown_to_the_raiser(
    world: Any, client_for: Any
) -> None:
    import datetime as dt

    concern = raise_confidential(world)
    reviewer = client_for(world.users["funder"])
    day1 = dt.datetime(2026, 3, 3, 9, 15, tzinfo=dt.UTC)
    with frozen_at(day1):
        assert "Our payments are late" in reviewer.get(_detail(world, concern)).content.decode()
        reviewer.get(_detail(world, concern))
        reviewer.get(f"/api/v1/projects/{world.project.slug}/concerns/{concern.pk}")
    assert SealedRead.objects.count() == 1
    with frozen_at(day1 + dt.timedelta(days=1)):
        reviewer.get(f"/api/v1/projects/{world.project.slug}/concerns/{concern.pk}")
    reads = list(SealedRead.objects.order_by("day"))
    assert [r.via for r in reads] == ["page", "api"]
    assert reads[0].reader_label == "Funder Person, reviewer for World Fund"
    # Each read is a sealed entry: nobody can quietly remove it, and the public sees only
    # "sealed" and the day.
    sealed = Entry.objects.filter(log__project=world.project, sealed=True).order_by("-seq")
    assert sealed[0].type == "sealed" and sealed[0].actor is None
    assert verify_project(world.project).ok

    raiser = client_for(world.users["contributor"])
    page = raiser.get(_detail(world, concern)).content.decode()
    assert "Who has read your concern" in page
    assert "Funder Person, reviewer for World Fund" in page and "3 March 2026, 09:15" in page
    api = raiser.get(f"/api/v1/projects/{world.project.slug}/concerns/{concern.pk}").json()
    assert [r["reader"] for r in api["read_by"]] == ["Funder Person, reviewer for World Fund"] * 2
    # The raiser's own reads are not recorded, and nobody else is shown the list.
    assert SealedRead.objects.count() == 2
    assert "Who has read your concern" not in reviewer.get(_detail(world, concern)).content.decode()


def test_reading_sealed_log_entries_is_recorded(world: Any, client_for: Any) -> None:
    concern = raise_confidential(world)
    reviewer = client_for(world.users["funder"])
    log = reviewer.get(f"/api/v1/projects/{world.project.slug}/log/entries").content.decode()
    assert "Our payments are late" in log
    read = SealedRead.objects.get()
    assert read.concern_id == concern.pk and read.via == "log"
    # Reading the log again (now with the read's own sealed entry in it) adds nothing.
    reviewer.get(f"/api/v1/projects/{world.project.slug}/log/entries")
    assert SealedRead.objects.count() == 1
    # The team's reads of the log show them no sealed content, so none is recorded.
    client_for(world.users["lead"]).get(f"/api/v1/projects/{world.project.slug}/log/entries")
    assert SealedRead.objects.count() == 1


def test_the_anonymous_raiser_sees_the_reads_on_the_follow_up_page(
    world: Any, client_for: Any
) -> None:
    from workings.concerns.selectors import anonymous_key

    concern, code = raise_anonymous(world)
    client_for(world.users["funder"]).get(_detail(world, concern))
    url = reverse(
        "concerns:anonymous-follow-up", args=[world.project.slug, anonymous_key(world.project)]
    )
    page = client_for(None).post(url, {"code": code, "action": "view"}).content.decode()
    assert "Who has read your concern" in page
    assert "Funder Person, reviewer for World Fund" in page


def test_an_open_concern_read_is_not_a_sealed_read(world: Any, client_for: Any) -> None:
    concern = concern_services.concern_raise(
        actor=world.users["contributor"], project=world.project, mode="open", **concern_data()
    )
    client_for(world.users["funder"]).get(_detail(world, concern))
    assert not SealedRead.objects.exists()


class TestWhoReadsIt:
    """Item 14: the raise page names exactly who can read a confidential concern."""

    def _readers(self, world: Any, client_for: Any) -> str:
        url = reverse("concerns:raise", args=[world.project.slug])
        return client_for(world.users["contributor"]).get(url).content.decode()

    def test_names_the_appointed_reviewers_and_no_one_else(
        self, world: Any, client_for: Any
    ) -> None:
        page = self._readers(world, client_for)
        assert "Funder Person, reviewer for World Fund." in page
        assert "The independent person named in the agreement" not in page

    def test_an_independent_person_reads_only_once_appointed(
        self, world: Any, client_for: Any
    ) -> None:
        ruth = make_user("ruth@example.org", "Ruth Adeyemi")
        concern = raise_confidential(world)
        # Not appointed: not named as a reader, and cannot read.
        assert "Ruth Adeyemi" not in self._readers(world, client_for)
        assert client_for(ruth).get(_detail(world, concern)).status_code == 404
        funder_services.appointment_create(
            actor=world.extra["funder_admin"],
            organisation=world.extra["funder_organisation"],
            email=ruth.email,
            kind="independent",
        )
        assert "Ruth Adeyemi, independent reviewer for World Fund." in self._readers(
            world, client_for
        )
        ruth = type(ruth).objects.get(pk=ruth.pk)
        assert (
            "Our payments are late"
            in client_for(ruth).get(_detail(world, concern)).content.decode()
        )
        # Everyone named can read, and everyone who can read is named.
        named = {r.user_id for r in project_policy.reviewers(world.project)}
        assert named == {world.users["funder"].pk, ruth.pk}
        # With an independent reviewer appointed, new sealed concerns keep the independent
        # person's stage, handled by the people who can read it.
        later = raise_confidential(world)
        assert [s["handler_role"] for s in later.stages] == ["independent", "funder"]
