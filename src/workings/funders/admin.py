"""Funder organisations on the admin site (site administrators only). New appointments and
ended ones go through the services, so each reaches the projects' logs; appointments are
ended (fill in "ended at"), never deleted."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from workings.core.admin_site import site
from workings.funders import services
from workings.funders.models import Appointment, FunderOrganisation


class AppointmentInline(admin.TabularInline):
    model = Appointment
    fk_name = "organisation"
    extra = 1
    fields = ("user", "kind", "ended_at", "end_reason")
    raw_id_fields = ("user",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FunderOrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "created_at")
    fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)
    inlines = [AppointmentInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self) -> list[Any]:
        # Without the unnamed legacy redirect: every URL has a name (and a matrix entry).
        return [u for u in super().get_urls() if getattr(u, "name", None)]

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        organisation = form.instance
        # What the admin site's change message reads (formset.save() would set these).
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for inline in formset.forms:
            if not inline.has_changed() or not inline.is_valid():
                continue
            data = inline.cleaned_data
            appointment = inline.instance
            if appointment.pk is None:
                created = services.appointment_create(
                    actor=request.user,
                    organisation=organisation,
                    email=data["user"].email,
                    kind=data["kind"],
                )
                formset.new_objects.append(created)
            elif "ended_at" in inline.changed_data and data.get("ended_at"):
                ended = services.appointment_end(
                    actor=request.user,
                    organisation=organisation,
                    appointment_id=appointment.pk,
                    reason=data.get("end_reason", ""),
                )
                formset.changed_objects.append((ended, ["ended_at"]))


site.register(FunderOrganisation, FunderOrganisationAdmin)
