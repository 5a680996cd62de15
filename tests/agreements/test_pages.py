from __future__ import annotations

from typing import Any

from django.urls import reverse

from tests.agreements.helpers import in_force, start
from workings.agreements.models import AgreementVersion, VersionStatus


def _url(world: Any, name: str, number: int | None = None) -> str:
    args = [world.project.slug] + ([number] if number is not None else [])
    return reverse(f"agreements:{name}", args=args)


def test_start_edit_propose_sign_by_pages(world: Any, client_for: Any) -> None:
    lead = client_for(world.users["lead"])
    page = lead.get(_url(world, "home"))
    assert page.status_code == 200
    assert b"default procedure" in page.content
    response = lead.post(_url(world, "start"), {"source": "template"})
    assert response.status_code == 302
    version = AgreementVersion.objects.get(project=world.project)
    edit = lead.get(_url(world, "edit", 1))
    assert edit.status_code == 200
    form = edit.context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["section_time"] = "Three hours a month."
    data["named_parties"] = []
    response = lead.post(_url(world, "edit", 1), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    version.refresh_from_db()
    assert version.content["sections"]["time"] == "Three hours a month."
    assert version.revision == 2
    # A save based on revision 1 is refused, shows both texts and keeps the typed words.
    data["section_time"] = "Four hours."
    stale = lead.post(_url(world, "edit", 1), data)
    assert stale.status_code == 409
    body = stale.content.decode()
    assert "Three hours a month." in body and "Four hours." in body
    assert "saved this draft while you were editing" in body
    response = lead.post(_url(world, "comment", 1), {"section": "time", "body": "Is 3 enough?"})
    assert response.status_code == 302
    assert lead.post(_url(world, "propose", 1)).status_code == 302
    version.refresh_from_db()
    assert version.status == VersionStatus.PROPOSED
    page = lead.get(_url(world, "version", 1))
    assert b"Is 3 enough?" in page.content and version.content_hash.encode() in page.content
    contributor = client_for(world.users["contributor"])
    refused = contributor.post(_url(world, "sign", 1), {"answer": "agree_with_reservations"})
    assert refused.status_code == 400 and b"own words" in refused.content
    contributor.post(_url(world, "sign", 1), {"answer": "agree_with_reservations", "words": "Pay"})
    lead.post(_url(world, "sign", 1), {"answer": "agree"})
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_FORCE


def test_version_diff_and_print(world: Any, client_for: Any) -> None:
    first = in_force(world)
    draft = start(world, source="version", from_number=first.number)
    from tests.agreements.helpers import save

    save(world, draft, time="About six hours a month, and less when you need.")
    client = client_for(world.users["observer"])
    page = client.get(_url(world, "diff") + "?old=1&new=2")
    assert page.status_code == 200
    body = page.content.decode()
    assert "<ins>" in body and "<del>" in body and "[added: " in body
    assert client.get(_url(world, "print", 1)).status_code == 200


def test_overview_notice_for_later_joiner(world: Any, client_for: Any) -> None:
    from tests.factories import add_member, make_user

    in_force(world)
    newcomer = make_user("new@example.org", "Nia New")
    add_member(world.project, world.users["lead"], newcomer, "contributor")
    page = client_for(newcomer).get(_url(world, "home"))
    assert b"You are asked to sign" in page.content


def test_home_query_count_does_not_grow(world: Any, client_for: Any, django_assert_max_num_queries):
    in_force(world)
    client = client_for(world.users["observer"])
    client.get(_url(world, "home"))
    with django_assert_max_num_queries(25):
        client.get(_url(world, "home"))
    with django_assert_max_num_queries(30):
        client.get(_url(world, "version", 1))


def test_version_page_queries_do_not_grow_with_comments(
    world: Any, client_for: Any, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from workings.agreements import services

    version = start(world)
    client = client_for(world.users["contributor"])

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url(world, "version", 1)).status_code == 200
        return len(ctx.captured_queries)

    services.comment_create(
        actor=world.users["lead"], version=version, section="time", body="First"
    )
    client.get(_url(world, "version", 1))
    few = count()
    for n in range(15):
        services.comment_create(
            actor=world.users["contributor"],
            version=version,
            section="payment" if n % 2 else "time",
            body=f"Comment {n}",
        )
    assert count() == few
