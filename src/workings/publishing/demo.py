"""The demo's public face for STRIDE: contributors consented to publish their entries
(the lead asked Dev about one of his entries, and he said no), a contributor named as
comment moderator, and comments from the public: one published, one hidden with a
tombstone and appealed, one waiting for a moderator."""

from __future__ import annotations

from workings.core.demo import DemoContext, demo_day
from workings.events.models import Entry
from workings.publishing import selectors, services
from workings.publishing.models import Comment
from workings.publishing.withholding import needs_consent

DEMO_ORDER = 50
# The private links of the demo's comments (fixed, so the audience crawl can open them).
DEMO_TOKENS = ("demo-comment-published", "demo-comment-hidden", "demo-comment-held")


def demo_exists() -> bool:
    return Comment.objects.exists()


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    stride.refresh_from_db()  # published by the projects demo through another instance
    if Comment.objects.filter(project=stride).exists():
        return
    lead = ctx.people["lead"]
    public = {t.name for t in selectors.publishable_types() if needs_consent(t.name)}
    with demo_day("2025-11-03", 10):
        dev = ctx.people["contributor2"]
        own = (
            Entry.objects.filter(log__project=stride, actor=dev, sealed=False, type__in=public)
            .order_by("-seq")
            .first()
        )
        if own is not None:
            # Before Dev chose for each kind, the lead asked about this one entry; he kept it
            # off the public page (his later "yes" for its kind leaves this choice alone).
            asked = services.consent_request(
                actor=lead,
                project=stride,
                seq=own.seq,
                note="Could we show this one on the public page? It explains the home visits "
                "well. Only if you are happy to.",
            )
            services.consent_request_answer(actor=dev, request=asked, publish=False)
        for key in ("contributor1", "contributor2", "contributor3", "contributor4"):
            person = ctx.people.get(key)
            if person is None:
                continue
            kinds = sorted(
                set(
                    Entry.objects.filter(log__project=stride, actor=person, sealed=False)
                    .filter(type__in=public)
                    .values_list("type", flat=True)
                )
            )
            for kind in kinds:
                services.consent_set(actor=person, project=stride, type_name=kind, publish=True)
        # Role changes are the team's business: kept off the public page.
        services.publication_choose(actor=lead, project=stride, withheld=["member.role_changed"])
        services.moderator_set(
            actor=lead, project=stride, user_id=ctx.people["contributor1"].pk, active=True
        )
    with demo_day("2025-11-10", 14):
        thanks, _ = services.comment_submit(
            project=stride,
            name="Ruth from Leeds",
            body="My husband had a stroke last year. Thank you for asking people like us "
            "what matters: getting to the shops on his own would mean the world.",
            token=DEMO_TOKENS[0],
        )
        # Between two recorded ones (the verifier's tests tamper with the first and last).
        services.comment_submit(
            project=stride,
            name="",
            body="Will the results be shared with the people who took part?",
            token=DEMO_TOKENS[2],
        )
        spam, _ = services.comment_submit(
            project=stride,
            name="Best Deals",
            body="Cheap watches, visit our shop today!",
            token=DEMO_TOKENS[1],
        )
    with demo_day("2025-11-11", 9):
        services.comment_publish(actor=ctx.people["contributor1"], comment=thanks)
        services.comment_hide(actor=ctx.people["contributor1"], comment=spam, category="spam")
    with demo_day("2025-11-12", 9):
        services.comment_appeal(token=DEMO_TOKENS[1], text="This is a real comment.")
