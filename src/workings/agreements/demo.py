"""Demo: the STRIDE agreement, drafted in September 2024 with a comment thread, in force in
October 2024 (Dev Patel agreeing with reservations about payment timing), then amended in
March 2025 to pay within 14 days instead of 30 after contributors' feedback."""

from __future__ import annotations

import copy
from typing import Any

from workings.agreements import services
from workings.agreements.models import AgreementVersion
from workings.core.demo import DemoContext, demo_time

DEMO_ORDER = 20

WORDS = {
    "purpose": (
        "We are working together so that STRIDE tests what matters to people after a stroke, "
        "not only what is easy to measure. Being transparent means we say what we decided "
        "and why, including when we did not take contributors' advice. Being challenging "
        "means anyone can question an idea, and a question is never a nuisance. Being "
        "inclusive means meetings work for people with aphasia, fatigue and caring duties. "
        "Being human means we check in with each other and take breaks."
    ),
    "people": (
        "Four public contributors who have had a stroke or care for someone who has; the "
        "chief investigator and involvement lead, Amara Okafor; two researchers; the "
        "funder's reviewer; and an observer from the steering committee."
    ),
    "time": (
        "About four hours a month: one two-hour meeting, usually online, and some reading. "
        "You can do less at any time, and you do not have to explain why."
    ),
    # Matches the structured rule saved beside it: a majority of the three owners.
    "documents": (
        "Margaret, Dev and Kestrel own the plain-English summary and the involvement "
        "section. A version is approved when most of them (two of the three) have approved "
        "it. An owner who does not agree can add a note that goes with every copy."
    ),
}


def _save(
    actor: Any,
    version: AgreementVersion,
    words: dict[str, str] | None = None,
    **structured: Any,
) -> AgreementVersion:
    content = copy.deepcopy(version.content)
    content["sections"].update(words or {})
    content.update(structured)
    return services.draft_save(
        actor=actor, version=version, revision=version.revision, content=content
    )


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    p = ctx.people
    lead, margaret, dev, kestrel, winston = (
        p["lead"],
        p["contributor1"],
        p["contributor2"],
        p["contributor3"],
        p["contributor4"],
    )
    with demo_time(2024, 9, 16):
        v1 = services.draft_start(actor=lead, project=stride, source="template")
    with demo_time(2024, 9, 17):
        procedure = copy.deepcopy(v1.content["procedure"])
        procedure["independent_person"] = "Ruth Adeyemi, patient advocate at the Stroke Alliance"
        # The three contributors own the co-owned documents; a majority of them decides.
        documents = {"final_say": "majority", "owners": [margaret.pk, dev.pk, kestrel.pk]}
        v1 = _save(lead, v1, WORDS, procedure=procedure, documents=documents)
    with demo_time(2024, 9, 18):
        first = services.comment_create(
            actor=dev,
            version=v1,
            section="payment",
            body=(
                "Thirty days is a long wait when you are on a low income. Could payments "
                "be quicker?"
            ),
        )
    with demo_time(2024, 9, 19):
        reply = services.comment_create(
            actor=lead,
            version=v1,
            section="payment",
            parent_id=first.pk,
            body=(
                "The university's finance office pays in 30 days at the moment. I will ask "
                "whether we can do better and come back to you."
            ),
        )
    with demo_time(2024, 9, 20):
        services.comment_create(
            actor=margaret,
            version=v1,
            section="payment",
            parent_id=reply.pk,
            body="Please do. Some of us pay for travel up front.",
        )
        services.comment_create(
            actor=kestrel,
            version=v1,
            section="support",
            body="Can we have captions on every online meeting, not only on request?",
        )
    with demo_time(2024, 9, 23):
        v1 = _save(
            margaret,
            v1,
            {
                "support": (
                    "Every online meeting has captions. Tell us what else helps you take part: "
                    "large print, breaks, a quiet room, someone to travel with. Amara Okafor "
                    "is your first contact. You can step out of any discussion without saying "
                    "why."
                )
            },
        )
    with demo_time(2024, 9, 25):
        v1 = services.version_propose(actor=lead, version=v1)
    answers = [
        (lead, "agree", "", 30),
        (margaret, "agree", "", 30),
        (
            dev,
            "agree_with_reservations",
            "I agree, but thirty days is too long to wait for payment. I would like us to "
            "look at this again within six months.",
            1,
        ),
        (kestrel, "agree", "", 2),
        (winston, "agree", "", 3),
    ]
    for person, answer, words, day in answers:
        month = 9 if day == 30 else 10
        with demo_time(2024, month, day):
            services.signature_create(actor=person, version=v1, answer=answer, words=words)

    # The amendment, after contributors' feedback on payment timing.
    with demo_time(2025, 3, 3):
        v2 = services.draft_start(
            actor=dev, project=stride, source="version", from_number=v1.number
        )
    with demo_time(2025, 3, 4):
        payment = {**v2.content["payment"], "payment_days": 14}
        v2 = _save(
            lead,
            v2,
            {
                "payment": (
                    "We pay for meeting time and preparation at the rate below, and all "
                    "travel and care costs. After your feedback, the finance office now pays "
                    "within 14 days. You can choose not to be paid, or to be paid in vouchers."
                )
            },
            payment=payment,
        )
        services.comment_create(
            actor=dev,
            version=v2,
            section="payment",
            body="Thank you. Fourteen days makes a real difference.",
        )
    with demo_time(2025, 3, 10):
        v2 = services.version_propose(actor=dev, version=v2)
    for day, person in enumerate((lead, margaret, dev, kestrel, winston), start=11):
        with demo_time(2025, 3, day):
            services.signature_create(actor=person, version=v2, answer="agree")
