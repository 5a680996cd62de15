"""The record's form pages: one base class (GET shows the form, POST calls one service and
shows any refusal beside its field) and one small subclass per action."""

from __future__ import annotations

from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View

from workings.core import clock
from workings.core.exceptions import NotFound, WorkingsError
from workings.core.forms import add_service_error
from workings.projects.models import Membership
from workings.projects.views import ProjectMixin
from workings.record import forms, services
from workings.record.models import Item, Kind, Position
from workings.record.permissions import item_get_for, record_policy, require


def _preview(form: Any) -> list[tuple[str, str]]:
    """The written fields as they will read in the record, in the form's order."""
    shown = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if isinstance(field, django_forms.CharField) and not field.widget.is_hidden and value:
            shown.append((str(field.label), str(value)))
    return shown


class RecordFormView(ProjectMixin, View):
    """GET shows the form, POST calls the service; refusals are shown beside the field."""

    action = "write_entries"
    form_class: Any = None
    heading = ""
    intro = ""
    submit = "Save"
    success = "Saved in the record."
    item_kind: str | None = None
    multipart = False
    item: Item | None = None

    def load(self, request: HttpRequest, kwargs: dict[str, Any]) -> None:
        if self.item_kind is not None:
            self.item = item_get_for(request.user, self.project, kwargs["pk"], kind=self.item_kind)
        self.check(request.user)

    def check(self, user: Any) -> None:
        """Object rules (raise NotAllowed)."""

    def form_kwargs(self) -> dict[str, Any]:
        return {}

    def initial(self) -> dict[str, Any]:
        return {}

    def perform(self, data: dict[str, Any]) -> Item:
        raise NotImplementedError

    def page(
        self, request: HttpRequest, form: Any, preview: list[tuple[str, str]] | None = None
    ) -> HttpResponse:
        context = self.context(
            form=form,
            preview=preview,
            heading=self.heading,
            intro=self.intro,
            submit=self.submit,
            multipart=self.multipart,
            item=self.item,
            today=clock.today(),
        )
        return render(request, "record/form.html", context, status=400 if form.errors else 200)

    def get(self, request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
        self.load(request, kwargs)
        return self.page(request, self.form_class(initial=self.initial(), **self.form_kwargs()))

    def post(self, request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
        self.load(request, kwargs)
        form = self.form_class(request.POST, request.FILES, **self.form_kwargs())
        if form.is_valid() and request.POST.get("preview"):
            # Show how the words will read, and save nothing.
            return self.page(request, form, preview=_preview(form))
        if form.is_valid():
            try:
                item = self.perform(form.cleaned_data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, self.success)
                return redirect(item)
        return self.page(request, form)

    def call(self, service: Any, **data: Any) -> Any:
        return service(actor=self.request.user, project=self.project, **data)


class MeetingCreateView(RecordFormView):
    form_class = forms.MeetingForm
    heading = "Record a meeting or activity"
    intro = "Record it once it has happened. Hours feed into payment records."
    submit = "Record the meeting"
    success = "The meeting has been recorded."
    multipart = True

    def form_kwargs(self) -> dict[str, Any]:
        return {
            "members": Membership.objects.filter(
                project=self.project, left_at__isnull=True
            ).select_related("user")
        }

    def initial(self) -> dict[str, Any]:
        return {"occurred_on": clock.today()}

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.meeting_record, **data)


class FeedbackCreateView(RecordFormView):
    form_class = forms.FeedbackForm
    heading = "Give feedback"
    intro = (
        "The team will answer with what they did about it and why. "
        "The agreement sets how long they have; if it says nothing, 14 days."
    )
    submit = "Send the feedback"
    success = "The feedback has been recorded."
    meeting: Item | None = None

    def load(self, request: HttpRequest, kwargs: dict[str, Any]) -> None:
        super().load(request, kwargs)
        raw = request.POST.get("about") or request.GET.get("meeting") or ""
        if raw.isdigit():
            self.meeting = item_get_for(request.user, self.project, int(raw), kind=Kind.MEETING)
            self.heading = _("Give feedback on the meeting “%(title)s”") % {
                "title": self.meeting.title
            }

    def form_kwargs(self) -> dict[str, Any]:
        return {
            "speaks_for_contributors": record_policy.speaks_for_contributors(
                self.request.user, self.project
            )
        }

    def initial(self) -> dict[str, Any]:
        if self.meeting is None:
            return {}
        return {
            "about": self.meeting.pk,
            "area": self.meeting.area,
            "title": _("About the meeting on %(date)s")
            % {"date": date_format(self.meeting.occurred_on, "j F Y")},
        }

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.feedback_give, **data)


class FeedbackAnswerView(RecordFormView):
    action = "respond"
    form_class = forms.AnswerForm
    heading = "Answer feedback"
    intro = "You said, we did, because. Feedback is answered once, so take care."
    submit = "Send the answer"
    success = "Your answer has been recorded."
    item_kind = Kind.FEEDBACK

    def check(self, user: Any) -> None:
        require(
            record_policy.can_answer(user, self.item), "This feedback has already been answered."
        )

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.feedback_answer, item_id=self.item.pk, **data)


class SatisfactionView(RecordFormView):
    action = "write_own_account"
    form_class = forms.SatisfactionForm
    heading = "Does the answer satisfy you?"
    submit = "Save my answer"
    success = "Thank you: your view of the answer is in the record."
    item_kind = Kind.FEEDBACK

    def check(self, user: Any) -> None:
        require(
            record_policy.can_mark_satisfaction(user, self.item),
            "Only the contributor who gave this feedback can say this, once it is answered.",
        )

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.feedback_mark_satisfaction, item_id=self.item.pk, **data)


class DecisionCreateView(RecordFormView):
    form_class = forms.DecisionForm
    heading = "Record a decision"
    intro = (
        "Say honestly how much say public contributors had. "
        "It is compared with what the agreement promised."
    )
    submit = "Record the decision"
    success = "The decision has been recorded."

    def initial(self) -> dict[str, Any]:
        return {"occurred_on": clock.today()}

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.decision_record, **data)


class DecisionViewView(RecordFormView):
    action = "write_own_account"
    form_class = forms.DecisionViewForm
    heading = "Give your view of this decision"
    submit = "Save my view"
    success = "Your view is in the record."
    item_kind = Kind.DECISION

    def check(self, user: Any) -> None:
        require(record_policy.can_give_view(user, self.item), "Only contributors give views here.")

    def perform(self, data: dict[str, Any]) -> Item:
        self.call(services.decision_view_give, item_id=self.item.pk, **data)
        return self.item


class DisagreementCreateView(RecordFormView):
    form_class = forms.DisagreementForm
    heading = "Record a disagreement"
    intro = "Disagreement is part of working together. Each side then writes its own position."
    submit = "Record the disagreement"
    success = "The disagreement has been recorded. Each side can now write its position."

    def initial(self) -> dict[str, Any]:
        return {"occurred_on": clock.today()}

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.disagreement_record, **data)


class PositionCreateView(RecordFormView):
    form_class = forms.PositionForm
    heading = "Write your position"
    submit = "Save my position"
    success = "Your position is in the record."
    item_kind = Kind.DISAGREEMENT

    def check(self, user: Any) -> None:
        require(
            record_policy.can_write_position(user, self.item),
            "This disagreement has an outcome; positions can no longer be added.",
        )

    def perform(self, data: dict[str, Any]) -> Item:
        self.call(services.position_write, item_id=self.item.pk, **data)
        return self.item


class PositionEditView(RecordFormView):
    form_class = forms.PositionForm
    heading = "Edit your position"
    intro = "Your earlier versions stay in the record and can be read."
    submit = "Save a new version"
    success = "Your position has a new version."

    def load(self, request: HttpRequest, kwargs: dict[str, Any]) -> None:
        position = (
            Position.objects.select_related("author_membership", "disagreement__item__project")
            .filter(pk=kwargs["pk"], disagreement__item__project=self.project)
            .first()
        )
        if position is None:
            raise NotFound(_("We could not find that position."))
        require(
            record_policy.can_edit_position(request.user, position),
            "Only the person who wrote a position can edit it.",
        )
        self.position = position
        self.item = position.disagreement.item

    def initial(self) -> dict[str, Any]:
        return {"text": self.position.text}

    def perform(self, data: dict[str, Any]) -> Item:
        self.call(services.position_edit, position_id=self.position.pk, **data)
        return self.item  # type: ignore[return-value]


class OutcomeView(RecordFormView):
    form_class = forms.OutcomeForm
    heading = "Record the outcome"
    intro = "For a compromise, say what each side gave."
    submit = "Record the outcome"
    success = "The outcome is in the record."
    item_kind = Kind.DISAGREEMENT

    def check(self, user: Any) -> None:
        require(
            record_policy.can_settle(user, self.item), "This disagreement already has an outcome."
        )

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.disagreement_settle, item_id=self.item.pk, **data)


class AccountCreateView(RecordFormView):
    action = "write_own_account"
    form_class = forms.AccountForm
    heading = "Write in your own words"
    intro = "In your own words. Nobody else can edit it, and it is always shown in full."
    submit = "Save my account"
    success = "Your account is in the record."

    def load(self, request: HttpRequest, kwargs: dict[str, Any]) -> None:
        about = request.GET.get("about") or request.POST.get("about_id")
        self.item = None
        if about and str(about).isdigit():
            self.item = item_get_for(request.user, self.project, int(about))

    def initial(self) -> dict[str, Any]:
        return {"about_id": self.item.pk if self.item else None}

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.account_write, **data)


class AccountEditView(RecordFormView):
    action = "write_own_account"
    form_class = forms.AccountEditForm
    heading = "Edit your own account"
    intro = "Earlier versions stay in the record."
    submit = "Save a new version"
    success = "Your account has a new version."
    item_kind = Kind.ACCOUNT

    def check(self, user: Any) -> None:
        require(record_policy.can_edit_account(user, self.item), "Only the author can edit this.")

    def initial(self) -> dict[str, Any]:
        return {"text": self.item.body}

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.account_edit, item_id=self.item.pk, **data)


class CorrectionCreateView(RecordFormView):
    form_class = forms.CorrectionForm
    heading = "Correct this entry"
    intro = "Nothing is edited in place: your correction is a new entry, shown beside the original."
    submit = "Record the correction"
    success = "The correction is in the record, beside the original."
    item_kind = ""  # any kind

    def load(self, request: HttpRequest, kwargs: dict[str, Any]) -> None:
        self.item = item_get_for(request.user, self.project, kwargs["pk"])
        require(
            record_policy.can_correct(request.user, self.item),
            "Own accounts are changed by their author.",
        )

    def perform(self, data: dict[str, Any]) -> Item:
        return self.call(services.correction_make, item_id=self.item.pk, **data)
