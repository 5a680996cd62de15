"""The agreement template: its sections, each with plain-English guidance and an example.

Twelve written sections; six of them also carry structured data that other capabilities act
on (decision rights, payment, communication, disagreements, leaving, who owns documents).
Keys are stable: they are part of each version's canonical content, so they are never
renamed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workings.core.vocab import InfluenceLevel, ResearchArea


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    guidance: str
    example: str


SECTIONS: tuple[Section, ...] = (
    Section(
        "purpose",
        "Purpose and shared values",
        "Say why you are working together and what being transparent, challenging, inclusive "
        "and human means in this project, in your own words.",
        "We are working together so that the study asks questions that matter to people who "
        "live with the condition. We will be open about what we decide and why. Anyone can "
        "challenge an idea, and we will listen. We will make it easy for everyone to take "
        "part, and we will treat each other as people first.",
    ),
    Section(
        "people",
        "Who is involved and in what roles",
        "Name the roles in the project: the research team, the public contributors, the "
        "funder's reviewer and anyone else, and what each of them does.",
        "Four public contributors with lived experience of the condition, two researchers and an "
        "involvement lead. The contributors shape the study; the researchers run it; the "
        "involvement lead makes sure contributors have what they need.",
    ),
    Section(
        "decisions",
        "Which decisions contributors take part in and how",
        "For each research area, choose how much say contributors will have, from being "
        "informed to leading. Then say how decisions will be made in practice.",
        "Contributors will help choose the outcome measures and lead the plain-English "
        "summaries. We will share papers a week before each decision meeting.",
    ),
    Section(
        "time",
        "Time commitment",
        "Say how much time you expect, how often, and that contributors can do less when "
        "they need to.",
        "About four hours a month: one two-hour meeting and some reading. You can do less "
        "at any time; just tell us.",
    ),
    Section(
        "payment",
        "Payment and expenses",
        "Say what contributors are paid, for what, how expenses are paid, and how quickly. "
        "Say that payment can be declined or paid differently if it affects benefits.",
        "We pay for meeting time and preparation at the rate below, and all travel and care "
        "costs. You can choose not to be paid, or to be paid in vouchers.",
    ),
    Section(
        "support",
        "Support, accessibility and wellbeing",
        "Say what reasonable adjustments are available, who to talk to, and what happens if "
        "a topic is upsetting.",
        "Tell us what helps you take part: large print, captions, breaks, a quiet room. "
        "Our involvement lead is your first contact. You can step out of any discussion.",
    ),
    Section(
        "confidentiality",
        "Confidentiality and personal data",
        "Say what is kept confidential, how personal data is stored, and who can see it.",
        "We keep your contact details only to pay you and reach you. Study data you see in "
        "meetings stays in the meeting. You choose how you are named in the record.",
    ),
    Section(
        "communication",
        "Communication",
        "Say how you will keep in touch, how often, in what formats, and how soon feedback "
        "gets an answer.",
        "A short update by e-mail every month, in plain English, with large-print and audio "
        "versions on request. We answer feedback within the number of days below.",
    ),
    Section(
        "credit",
        "Credit and authorship",
        "Say how contributors are credited in papers, talks and reports, and how they can "
        "be named (name, pseudonym or anonymous).",
        "Contributors who meet the criteria are offered co-authorship. Everyone is thanked "
        "by the name they choose, or not named if they prefer.",
    ),
    Section(
        "disagreements",
        "How disagreements are settled",
        "Set out the steps for settling a disagreement, who handles each one and how soon "
        "they answer. Name an independent person. Say from which step a contributor may go "
        "to the funder on their own.",
        "First we talk it through. If that does not settle it, the independent person "
        "listens to everyone and suggests a way forward. Any contributor can take it to the "
        "funder's reviewer from that step, without asking the team.",
    ),
    Section(
        "documents",
        "Documents contributors own and who has the final say",
        "Name the owners of the plain-English summary, the involvement section and other "
        "documents you write together, and choose the rule that makes a version approved. "
        "Nobody else can approve a version for them.",
        "The public contributors own the plain-English summary and the involvement section. "
        "A version is approved only when every owner has approved it. An owner who does not "
        "agree can add a note that goes with every copy.",
    ),
    Section(
        "leaving",
        "Leaving the project",
        "Say that contributors can leave at any time without giving a reason, and what "
        "happens to their contributions and credit.",
        "You can leave at any time and you do not have to say why. We will pay you for the "
        "work you have done.",
    ),
)

SECTION_KEYS = tuple(s.key for s in SECTIONS)
SECTION_TITLES = {s.key: s.title for s in SECTIONS}

HANDLER_ROLES = {
    "lead": "The involvement lead",
    "team": "The research team",
    "independent": "The independent person",
    "funder": "The funder's reviewer",
}
RATE_KINDS = {"hourly": "per hour", "per_activity": "per activity"}
# How a co-owned document's version becomes approved (workings.documents applies the rule).
FINAL_SAY_RULES = {
    "all": "Every owner must approve",
    "majority": "More than half of the owners must approve",
    "owners_and_lead": "Every owner must approve and the lead co-signs",
}
LEAVING_PROMISE = (
    "A contributor may leave at any time without giving a reason. This promise is part of "
    "every agreement and cannot be edited out."
)

DEFAULT_STAGES: tuple[dict[str, Any], ...] = (
    {
        "name": "Talk it through with the involvement lead",
        "handler": "The involvement lead",
        "handler_role": "lead",
        "response_days": 10,
    },
    {
        "name": "The independent person",
        "handler": "The independent person named in the agreement",
        "handler_role": "independent",
        "response_days": 14,
    },
    {
        "name": "The funder's reviewer",
        "handler": "The funder's reviewer",
        "handler_role": "funder",
        "response_days": 28,
    },
)


def template_content() -> dict[str, Any]:
    """A new draft from the template: every example filled in, ready to be rewritten."""
    return {
        "sections": {s.key: s.example for s in SECTIONS},
        "decision_rights": {
            ResearchArea.QUESTION: InfluenceLevel.COLLABORATING,
            ResearchArea.PRIMARY_OUTCOME: InfluenceLevel.INVOLVED,
            ResearchArea.OUTCOME_MEASURES: InfluenceLevel.COLLABORATING,
            ResearchArea.METHODS: InfluenceLevel.CONSULTED,
            ResearchArea.RECRUITMENT: InfluenceLevel.INVOLVED,
            ResearchArea.ANALYSIS: InfluenceLevel.CONSULTED,
            ResearchArea.DISSEMINATION: InfluenceLevel.CONTRIBUTOR_LED,
            ResearchArea.BUDGET: InfluenceLevel.INFORMED,
        },
        "procedure": {
            "stages": [dict(s) for s in DEFAULT_STAGES],
            "independent_person": "",
            "funder_stage_index": 1,
        },
        "payment": {
            "rate_kind": "hourly",
            "rate": "25.00",
            "currency": "GBP",
            "expenses_policy": "Travel, care and other reasonable costs, paid at cost.",
            "payment_days": 30,
        },
        "communication": {"feedback_response_days": 14},
        "leaving": {
            "contributions": "What you contributed stays in the record, credited as you choose.",
            "credit": "You keep the credit for work done before you left.",
        },
        "named_parties": [],
        "documents": {"final_say": "all", "owners": []},
    }


def blank_content() -> dict[str, Any]:
    """A blank start: no words, and the safe default procedure until one is agreed."""
    return {
        "sections": {key: "" for key in SECTION_KEYS},
        "decision_rights": {},
        "procedure": {
            "stages": [dict(s) for s in DEFAULT_STAGES],
            "independent_person": "",
            "funder_stage_index": 2,
        },
        "payment": {
            "rate_kind": "hourly",
            "rate": "0.00",
            "currency": "GBP",
            "expenses_policy": "",
            "payment_days": 30,
        },
        "communication": {"feedback_response_days": 14},
        "leaving": {"contributions": "", "credit": ""},
        "named_parties": [],
        "documents": {"final_say": "all", "owners": []},
    }
