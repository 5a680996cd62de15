"""Posts in the STRIDE demo: two posts (one by a contributor under her pseudonym, one by
the lead, in a series), comments moderated by a contributor the lead appointed (one
published, one hidden as spam, leaving its tombstone, one still waiting), a post on the
site's own blog, and a reader who subscribed and confirmed."""

from __future__ import annotations

from workings.core.demo import DemoContext, demo_day, demo_person
from workings.posts import guards, services, subscriptions
from workings.projects.models import Membership

DEMO_ORDER = 50
EDITOR = ("editor@workings.example", "Workings editor")

KESTREL_POST = """Before STRIDE I had never been asked what a study should measure.

At the second meeting we were shown the outcome list. *Getting dressed without help* was not
on it, and for me it was the first thing that mattered after my stroke. We said so, and it is
now a secondary outcome.

- What I learnt: ask why a measure was chosen.
- What I would tell a new contributor: your everyday life is expertise.
"""

LEAD_POST = """The agreement promised contributors a say in how we share results. Here is
what they changed in the dissemination plan, and what we could not change (yet).

1. A plain-English summary comes out **before** the journal article.
2. The podcast is co-hosted by two contributors.
"""


def build(ctx: DemoContext) -> None:
    stride = ctx.projects.get("stride")
    if stride is None:
        return
    stride.refresh_from_db()  # published by the projects demo after it was put in ctx
    lead = ctx.people["lead"]
    kestrel = ctx.people["contributor1"]
    moderator = ctx.people["contributor2"]
    with demo_day("2025-03-10", 9):
        first = services.post_create(
            actor=kestrel,
            project=stride,
            title="What I learnt at my first steering group",
            body=KESTREL_POST,
            status="published",
        )
    with demo_day("2025-06-02", 9):
        services.post_create(
            actor=lead,
            project=stride,
            title="What contributors changed in our dissemination plan",
            series="Lessons from STRIDE",
            body=LEAD_POST,
            status="published",
        )
    with demo_day("2025-03-11", 10):
        member = Membership.objects.get(project=stride, user=moderator)
        services.moderator_appoint(actor=lead, project=stride, membership=member.pk)
    with demo_day("2025-03-12", 18):
        kind = services.comment_add(
            post=first,
            name="A carer from Leeds",
            body="This is exactly why I signed up. Thank you.",
        )
        spam = services.comment_add(
            post=first, name="Best deals", body="Cheap watches, click my profile for offers!"
        )
        services.comment_add(
            post=first, name="Tom", body="Was the outcome list shared before the meeting?"
        )
    with demo_day("2025-03-13", 9):
        services.comment_approve(actor=moderator, comment=kind)
        services.comment_hide(actor=moderator, comment=spam, reason="spam")
    editor = demo_person(ctx, *EDITOR)
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    with demo_day("2025-02-01", 9):
        services.post_create(
            actor=editor,
            project=None,
            title="Why Workings never deletes a comment",
            body="A hidden comment leaves a note in its place, with the reason. Here is why.",
            status="published",
        )
    with demo_day("2025-03-01", 9):
        subscription = subscriptions.subscribe(email="reader@example.net", project=stride)
        subscriptions.confirm(token=guards.confirm_token(subscription))
