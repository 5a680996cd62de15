"""The feedback STRIDE's contributors gave, and the team's answers (keys as in meetings.py)."""

from __future__ import annotations

from typing import Any

FEEDBACK: list[dict[str, Any]] = [
    {
        "key": "f_leaflet",
        "on": "2024-10-15",
        "by": "contributor2",
        "area": "recruitment",
        "title": "Large print and plain words in all materials",
        "text": "After my stroke I struggle with small text. Please make every leaflet 14 point "
        "or bigger, and test the words with us first.",
        "answer": {
            "on": "2024-10-25",
            "by": "researcher1",
            "outcome": "adopted",
            "did": "All participant materials are now 14 point minimum and go through "
            "the involvement group before ethics submission.",
            "because": "It costs nothing and helps everyone.",
            "verdict": (True, "", "2024-10-28"),
        },
    },
    {
        "key": "f_everyday",
        "on": "2024-11-21",
        "by": "contributor1",
        "area": "primary_outcome",
        "title": "Measure getting back to everyday life",
        "text": "Whatever the primary outcome is, please measure whether people can do the "
        "everyday things they did before: shopping, cooking, seeing friends.",
        "answer": {
            "on": "2025-01-15",
            "by": "lead",
            "outcome": "partly_adopted",
            "did": "The NEADL is now a co-primary outcome alongside the mRS.",
            "because": "The funder and reviewers expect the mRS, so we kept it, but we "
            "agree it misses what matters to people.",
            "verdict": (True, "Not all we wanted, but a real change.", "2025-01-20"),
        },
    },
    {
        "key": "f_times",
        "on": "2024-12-10",
        "by": "researcher1",
        "area": "methods",
        "group": "the carers in the involvement group",
        "title": "Home visits at times carers can be there",
        "text": "Carers asked that home visits can be booked after 4pm or at weekends.",
        "answer": {
            "on": "2024-12-20",
            "by": "researcher2",
            "outcome": "partly_adopted",
            "did": "Evening visits until 7pm on two days a week.",
            "because": "Therapists' contracts do not cover weekends.",
        },
    },
    {
        "key": "f_payment",
        "on": "2025-03-18",
        "by": "contributor4",
        "area": "budget",
        "title": "Pay us faster",
        "text": "Six weeks to be paid is too long when you are on a pension.",
        "answer": {
            "on": "2025-03-28",
            "by": "lead",
            "outcome": "adopted",
            "did": "Payments within 14 days, written into the agreement.",
            "because": "Late payment is unfair and was our failure.",
            "verdict": (True, "", "2025-04-01"),
        },
    },
    {
        "key": "f_sheet",
        "on": "2025-04-22",
        "by": "contributor5",
        "area": "recruitment",
        "title": "Two-page summary of the information sheet",
        "text": "Nobody reads twelve pages two days after a stroke.",
        "answer": {
            "on": "2025-05-02",
            "by": "researcher2",
            "outcome": "adopted",
            "did": "Ethics approved a two-page summary in May.",
            "because": "Better-informed consent.",
        },
    },
    {
        "key": "f_letters",
        "on": "2025-06-17",
        "by": "contributor2",
        "area": "dissemination",
        "title": "Tell participants the results first",
        "text": "Participants should hear the results before the newspapers do.",
        "answer": {
            "on": "2025-07-01",
            "by": "lead",
            "outcome": "adopted",
            "did": "Letters will go out the week the paper is submitted.",
            "because": "The journal confirmed this is allowed.",
        },
    },
    {
        "key": "f_fatigue",
        "on": "2025-07-15",
        "by": "contributor3",
        "area": "methods",
        "title": "Shorter questionnaires, with breaks",
        "text": "The follow-up questionnaires take over an hour. Fatigue after stroke is real. "
        "Please let people stop and come back.",
        "answer": {
            "on": "2025-08-12",
            "by": "researcher2",
            "outcome": "partly_adopted",
            "did": "Questionnaires can be done in two sittings. We could not remove any.",
            "because": "Each one is needed for the pre-registered analysis.",
            "verdict": (
                False,
                "Two sittings helps, but nobody looked at whether all "
                "the questions are really needed. We asked for that.",
                "2025-08-20",
            ),
        },
    },
    {
        "key": "f_sites",
        "on": "2025-09-16",
        "by": "contributor1",
        "area": "recruitment",
        "title": "Ask us before changing recruitment",
        "text": "If recruitment has to change, we want to be part of choosing how.",
        "answer": {
            "on": "2025-12-09",
            "by": "lead",
            "outcome": "not_adopted",
            "did": "The change was decided by the trial management group under time "
            "pressure. We explained it at the December meeting.",
            "because": "The funder needed an answer within a week.",
            "verdict": (
                False,
                "The answer came three months late and after the "
                "decision. That is the opposite of what we asked.",
                "2025-12-12",
            ),
        },
    },
    {
        "key": "f_hours",
        "on": "2026-02-17",
        "by": "contributor2",
        "area": "budget",
        "title": "Show hours as well as money",
        "text": "Reports count money spent on involvement. Show the hours we gave too.",
        "answer": {
            "on": "2026-02-27",
            "by": "researcher1",
            "outcome": "adopted",
            "did": "Hours from this record now appear in every involvement report.",
            "because": "It is a fairer picture.",
        },
    },
    {
        "key": "f_neadl",
        "on": "2026-06-16",
        "by": "contributor1",
        "area": "analysis",
        "title": "Report the NEADL as prominently as the mRS",
        "text": "Please put the everyday-activity results in the abstract, not only the mRS.",
        "answer": {
            "on": "2026-06-26",
            "by": "researcher2",
            "outcome": "not_yet_decided",
            "did": "Raised with the writing committee; they meet in October.",
            "because": "Authorship decisions are the committee's.",
            "real_answer_by": "2026-10-31",
        },
    },
    {
        "key": "f_subtitles",
        "on": "2026-07-21",
        "by": "contributor3",
        "area": "dissemination",
        "title": "Subtitles and a quiet version of the results video",
        "text": "Many of us have aphasia or find music tiring. Please subtitle the video and "
        "make a version without background music.",
    },
    {
        "key": "f_travel",
        "on": "2026-08-18",
        "by": "contributor4",
        "area": "budget",
        "title": "Pay travel time to sites",
        "text": "Some of us travel two hours each way. That time should be paid.",
    },
]
