"""Thin views: get the project and entry through the policies, call one service or
selector, render. The form pages share one base class and one template."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View

from workings.core import clock
from workings.core.csvfile import csv_lines
from workings.core.exceptions import NotFound
from workings.projects.models import Membership
from workings.projects.views import ProjectMixin
from workings.record import forms, fragments, selectors, tombstones
from workings.record.models import Attachment, Kind
from workings.record.permissions import item_get_for, record_policy
from workings.record.serialise import row_dict

EXPORT_FIELDS = [
    "date",
    "kind",
    "title",
    "area",
    "by",
    "status",
    "due_on",
    "text",
    "tombstone",
    "url",
]


def _members(project: Any) -> list[Membership]:
    return list(Membership.objects.filter(project=project).select_related("user"))


def parse_filters(data: Any, members: list[Membership]) -> tuple[Any, selectors.TimelineFilter]:
    form = forms.TimelineFilterForm(data or None, members=members)
    if not form.is_valid():
        return form, selectors.TimelineFilter()
    d = form.cleaned_data
    return form, selectors.TimelineFilter(
        kind=d.get("kind") or "",
        area=d.get("area") or "",
        person=d.get("person"),
        date_from=d.get("date_from"),
        date_to=d.get("date_to"),
        status=d.get("status") or "",
        q=(d.get("q") or "").strip(),
    )


def concern_link(project: Any, target: str) -> str | None:
    try:
        url = reverse("concerns:raise", kwargs={"slug": project.slug})
    except NoReverseMatch:
        return None
    return f"{url}?link={target}"


class TimelineView(ProjectMixin, View):
    action = "view_record"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        query = request.GET.copy()
        query.pop("after", None)
        version = fragments.record_version(self.project)
        # Members read leaving reasons and hidden entries, others do not: one cached body for
        # each kind of reader.
        reasons = record_policy.can_view_leaving_reasons(request.user, self.project)
        hidden = record_policy.sees_hidden(request.user, self.project)
        variant = f"{'members' if reasons else 'others'}:{'hidden' if hidden else 'public'}"
        key = fragments.key_for(self.project, version, f"{variant}:{request.GET.urlencode()}")
        body = fragments.get(key)
        if body is None:
            body = self.render_body(request, query.urlencode())
            fragments.put(key, body)
        # "Needs you" is per person: cached per person and record version.
        needs_key = fragments.key_for(self.project, version, f"needs:{request.user.pk}")
        needs = fragments.get(needs_key)
        if needs is None:
            needs = render_to_string(
                "record/_needs.html",
                {
                    "project": self.project,
                    "today": clock.today(),
                    "needs": selectors.needs_you(user=request.user, project=self.project),
                },
            )
            fragments.put(needs_key, needs)
        return render(
            request,
            "record/timeline.html",
            self.context(
                body=mark_safe(body),  # noqa: S308 - our own template's output
                needs_panel=mark_safe(needs),  # noqa: S308 - our own template's output
                can_write=record_policy.can_write(request.user, self.project),
                can_account=record_policy.can_write_account(request.user, self.project),
            ),
        )

    def render_body(self, request: HttpRequest, query: str) -> str:
        """The filter form and the rows: the same for every reader of one kind (members, who
        read leaving reasons, or others), so cacheable."""
        form, filters = parse_filters(request.GET, _members(self.project))
        cursor = selectors.Cursor.parse(request.GET.get("after"))
        page = selectors.timeline_page(
            project=self.project,
            filters=filters,
            cursor=cursor,
            reasons=record_policy.can_view_leaving_reasons(request.user, self.project),
        )
        tombstones.mark(page.rows, user=request.user, project=self.project)
        return render_to_string(
            "record/_timeline_body.html",
            {
                "project": self.project,
                "page": page,
                "today": clock.today(),
                "filter_form": form,
                "query": query,
                "filtered": bool(query),
                # Entry links are built from one reversed prefix, not one reverse() per row.
                "item_prefix": reverse("record:timeline", kwargs={"slug": self.project.slug}),
            },
        )


class ExportView(ProjectMixin, View):
    action = "view_record"
    fmt = "csv"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        _ignored, filters = parse_filters(request.GET, _members(self.project))
        rows = selectors.timeline_all(
            project=self.project,
            filters=filters,
            reasons=record_policy.can_view_leaving_reasons(request.user, self.project),
        )
        today = clock.today()
        name = f"{self.project.slug}-working-record"
        dicts = (
            row_dict(r, today, request, slug=slug)
            for r in tombstones.marked(rows, user=request.user, project=self.project)
        )
        if self.fmt == "json":
            response = StreamingHttpResponse(_json_lines(dicts), content_type="application/json")
            response["Content-Disposition"] = f'attachment; filename="{name}.json"'
            return response
        response = StreamingHttpResponse(csv_lines(EXPORT_FIELDS, dicts), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response


def _json_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(row, cls=DjangoJSONEncoder)
    yield "\n]\n"


class ItemView(ProjectMixin, View):
    action = "view_record"

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        item = item_get_for(request.user, self.project, pk)
        user = request.user
        detail = selectors.item_detail(item=item)
        linked = [r for r in (item.corrects, item.about) if r is not None]
        tombstones.mark(
            [
                item,
                *linked,
                *detail["corrections"],
                *detail["accounts"],
                *detail.get("feedback_about", []),
            ],
            user=user,
            project=self.project,
        )
        if item.withheld:
            detail = {
                "corrections": [],
                "accounts": [],
                "attachments": [],
                "versions": [],
                "feedback_about": [],
            }
        own_position = next(
            (p for p in detail.get("positions", []) if p.author_membership.user_id == user.pk),
            None,
        )
        can = {
            "answer": record_policy.can_answer(user, item),
            "judge": record_policy.can_mark_satisfaction(user, item),
            "give_view": record_policy.can_give_view(user, item)
            and not any(v.membership.user_id == user.pk for v in detail.get("views", [])),
            "position": record_policy.can_write_position(user, item) and own_position is None,
            "settle": record_policy.can_settle(user, item),
            "account": record_policy.can_write_account(user, self.project),
            "edit_account": record_policy.can_edit_account(user, item),
            "correct": record_policy.can_correct(user, item),
            "feedback": item.kind == Kind.MEETING
            and record_policy.can_record_feedback(user, self.project),
        }
        concern = None
        if item.kind == Kind.FEEDBACK and record_policy.can(user, "raise_concern", self.project):
            concern = concern_link(self.project, f"feedback:{item.pk}")
        return render(
            request,
            "record/item.html",
            self.context(
                item=item,
                today=clock.today(),
                own_position=own_position,
                rights=can,
                concern_url=concern,
                **detail,
            ),
        )


class AttachmentView(ProjectMixin, View):
    action = "view_record"

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        attachment = Attachment.objects.filter(pk=pk, item__project=self.project).first()
        if attachment is None or not attachment.file:
            raise NotFound(_("We could not find that attachment (it may have been erased)."))
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class MatrixView(ProjectMixin, View):
    action = "view_record"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        rows = selectors.decision_matrix(project=self.project)
        return render(
            request,
            "record/matrix.html",
            self.context(
                rows=rows,
                levels=forms.InfluenceLevel.choices,
                has_agreement=any(r["promised"] for r in rows),
            ),
        )
