"""The admin site: for site administrators to add funder organisations and their people.
Appointments are ended (set "ended at"), never deleted."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from workings.funders.models import Appointment, FunderOrganisation


class AppointmentInline(admin.TabularInline):
    model = Appointment
    fk_name = "organisation"
    extra = 1
    fields = ("user", "kind", "started_at", "ended_at", "end_reason")
    raw_id_fields = ("user",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(FunderOrganisation)
class FunderOrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "created_at")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)
    inlines = [AppointmentInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
