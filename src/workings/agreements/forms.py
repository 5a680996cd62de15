"""Forms for agreement pages. Fields are deliberately lenient (text in, text out): the
services decide what is acceptable, so the pages and the API give the same messages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.agreements.models import Answer
from workings.agreements.sections import FINAL_SAY_RULES, HANDLER_ROLES, RATE_KINDS, SECTIONS
from workings.core.forms import WorkingsForm
from workings.core.vocab import InfluenceLevel, ResearchArea

STAGE_ROWS = 6


def _area(area: str) -> str:
    return f"right_{area}"


class DraftForm(WorkingsForm):
    """The whole draft in one form, carrying the revision it was based on."""

    required_messages = {
        "rate": _("Enter the rate"),
        "currency": _("Enter the currency (three letters, such as GBP)"),
        "payment_days": _("Enter within how many days payments are made"),
        "feedback_response_days": _("Enter within how many days feedback is answered"),
    }

    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, members: list[Any] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        f = self.fields
        for s in SECTIONS:
            f[f"section_{s.key}"] = forms.CharField(
                label=_("%(title)s: your words") % {"title": s.title},
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        for area in ResearchArea:
            f[_area(area.value)] = forms.ChoiceField(
                label=area.label,
                required=False,
                choices=[("", _("Not decided yet")), *InfluenceLevel.choices],
            )
        for i in range(STAGE_ROWS):
            n = i + 1
            f[f"stage_{i}_name"] = forms.CharField(
                label=_("Stage %(n)s: name") % {"n": n}, required=False
            )
            f[f"stage_{i}_handler"] = forms.CharField(
                label=_("Stage %(n)s: who handles it") % {"n": n}, required=False
            )
            f[f"stage_{i}_role"] = forms.ChoiceField(
                label=_("Stage %(n)s: kind of handler") % {"n": n},
                required=False,
                choices=list(HANDLER_ROLES.items()),
            )
            f[f"stage_{i}_days"] = forms.CharField(
                label=_("Stage %(n)s: response time in days") % {"n": n},
                required=False,
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            )
        f["independent_person"] = forms.CharField(label=_("Independent person"), required=False)
        f["funder_stage"] = forms.ChoiceField(
            label=_("From which stage may a contributor go to the funder on their own?"),
            choices=[(str(i + 1), _("Stage %(n)s") % {"n": i + 1}) for i in range(STAGE_ROWS)],
        )
        f["rate_kind"] = forms.ChoiceField(
            label=_("How contributors are paid"), choices=list(RATE_KINDS.items())
        )
        f["rate"] = forms.CharField(
            label=_("Rate"), widget=forms.TextInput(attrs={"inputmode": "decimal"})
        )
        f["currency"] = forms.CharField(label=_("Currency (three letters, such as GBP)"))
        f["expenses_policy"] = forms.CharField(
            label=_("Expenses policy"), required=False, widget=forms.Textarea(attrs={"rows": 3})
        )
        f["payment_days"] = forms.CharField(
            label=_("Payments are made within this many days"),
            widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        )
        f["feedback_response_days"] = forms.CharField(
            label=_("Feedback is answered within this many days"),
            widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        )
        f["leaving_contributions"] = forms.CharField(
            label=_("What happens to a contributor's contributions when they leave"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        f["leaving_credit"] = forms.CharField(
            label=_("What happens to their credit"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        f["named_parties"] = forms.MultipleChoiceField(
            label=_("Other members who are parties and sign"),
            help_text=_("Leads and public contributors always sign. Tick anyone else who should."),
            required=False,
            choices=[(str(m.user_id), f"{m.label} ({m.get_role_display()})") for m in members],
            widget=forms.CheckboxSelectMultiple,
        )
        f["final_say"] = forms.ChoiceField(
            label="How a version of a co-owned document becomes approved",
            choices=list(FINAL_SAY_RULES.items()),
        )
        f["document_owners"] = forms.MultipleChoiceField(
            label="Owners of the co-owned documents",
            help_text="Usually the public contributors. Only owners can approve a version.",
            required=False,
            choices=[(str(m.user_id), f"{m.label} ({m.get_role_display()})") for m in members],
            widget=forms.CheckboxSelectMultiple,
        )

    @staticmethod
    def initial_for(content: dict[str, Any], revision: int) -> dict[str, Any]:
        data: dict[str, Any] = {"revision": revision}
        for key, text in content["sections"].items():
            data[f"section_{key}"] = text
        for area, level in content["decision_rights"].items():
            data[_area(area)] = level
        proc = content["procedure"]
        for i, stage in enumerate(proc["stages"][:STAGE_ROWS]):
            data[f"stage_{i}_name"] = stage["name"]
            data[f"stage_{i}_handler"] = stage["handler"]
            data[f"stage_{i}_role"] = stage["handler_role"]
            data[f"stage_{i}_days"] = stage["response_days"]
        data["independent_person"] = proc["independent_person"]
        data["funder_stage"] = str(proc["funder_stage_index"] + 1)
        data.update({k: v for k, v in content["payment"].items()})
        data["feedback_response_days"] = content["communication"]["feedback_response_days"]
        data["leaving_contributions"] = content["leaving"]["contributions"]
        data["leaving_credit"] = content["leaving"]["credit"]
        data["named_parties"] = [str(i) for i in content["named_parties"]]
        documents = content.get("documents") or {}
        data["final_say"] = documents.get("final_say", "all")
        data["document_owners"] = [str(i) for i in documents.get("owners", [])]
        return data

    def to_content(self) -> dict[str, Any]:
        d = self.cleaned_data
        stages = []
        for i in range(STAGE_ROWS):
            name, days = d[f"stage_{i}_name"].strip(), d[f"stage_{i}_days"].strip()
            handler = d[f"stage_{i}_handler"].strip()
            if not (name or days or handler):
                continue  # an unused row
            stages.append(
                {
                    "name": name,
                    "handler": handler,
                    "handler_role": d[f"stage_{i}_role"],
                    "response_days": days or None,
                }
            )
        return {
            "sections": {s.key: d[f"section_{s.key}"] for s in SECTIONS},
            "decision_rights": {a: d[_area(a)] for a in ResearchArea.values if d[_area(a)]},
            "procedure": {
                "stages": stages,
                "independent_person": d["independent_person"],
                "funder_stage_index": int(d["funder_stage"]) - 1,
            },
            "payment": {
                "rate_kind": d["rate_kind"],
                "rate": d["rate"],
                "currency": d["currency"],
                "expenses_policy": d["expenses_policy"],
                "payment_days": d["payment_days"],
            },
            "communication": {"feedback_response_days": d["feedback_response_days"]},
            "leaving": {
                "contributions": d["leaving_contributions"],
                "credit": d["leaving_credit"],
            },
            "named_parties": [int(i) for i in d["named_parties"]],
            "documents": {
                "final_say": d["final_say"],
                "owners": [int(i) for i in d["document_owners"]],
            },
        }


class StartForm(WorkingsForm):
    source = forms.ChoiceField(
        label=_("How do you want to start?"),
        choices=[
            ("template", _("From our template: every section has guidance and an example")),
            ("blank", _("From blank: empty sections, with guidance")),
        ],
        widget=forms.RadioSelect,
        initial="template",
    )


class CommentForm(WorkingsForm):
    section = forms.ChoiceField(
        label=_("Section"), choices=[(s.key, s.title) for s in SECTIONS], widget=forms.HiddenInput
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}))


class SignForm(WorkingsForm):
    answer = forms.ChoiceField(
        label=_("Your answer"), choices=Answer.choices, widget=forms.RadioSelect
    )
    words = forms.CharField(
        label=_("Your words"),
        help_text=_(
            "Needed if you have reservations or do not agree. Everyone will see them, "
            "and they stay with this version for good."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DiffForm(WorkingsForm):
    required_messages = {
        "old": _("Choose the version to compare from"),
        "new": _("Choose the version to compare with"),
    }

    old = forms.TypedChoiceField(label=_("From version"), coerce=int)
    new = forms.TypedChoiceField(label=_("To version"), coerce=int)

    def __init__(self, *args: Any, numbers: list[int] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        choices = [(str(n), _("Version %(n)s") % {"n": n}) for n in numbers]
        self.fields["old"].choices = choices
        self.fields["new"].choices = choices
