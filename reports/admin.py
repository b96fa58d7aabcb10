from django.contrib import admin
from django.http import HttpRequest
from leaflet.admin import LeafletGeoAdmin

from institutions.admin_site import InstitutionScopedAdmin, InstitutionScopedInline
from reports.models import Event, Photo, Report, Resolution, ResponseTemplate

EVENT_FIELDS = ("created_at", "kind", "actor", "from_status", "to_status", "text")


class EventInline(InstitutionScopedInline, admin.TabularInline):
    model = Event
    extra = 0
    can_delete = False
    fields = EVENT_FIELDS
    readonly_fields = EVENT_FIELDS

    def has_add_permission(
        self, request: HttpRequest, obj: Report | None = None
    ) -> bool:
        # The timeline is append-only and written by the workflow alone.
        return False


@admin.register(Report)
class ReportAdmin(InstitutionScopedAdmin, LeafletGeoAdmin):
    list_display = [
        "registry_number",
        "category",
        "status",
        "department",
        "due_date",
        "created_at",
    ]
    list_filter = ["institution", "status", "category", "department", "zone"]
    search_fields = ["registry_number", "address", "public_description"]
    date_hierarchy = "created_at"
    inlines = [EventInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Reports enter through the citizen's form or the API, never here:
        # a report made here would skip registration.
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: Report | None = None
    ) -> bool:
        # Every change goes through the workflow, which keeps the timeline:
        # the admin only reads reports.
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: Report | None = None
    ) -> bool:
        return False


@admin.register(Photo)
class PhotoAdmin(InstitutionScopedAdmin, LeafletGeoAdmin):
    institution_path = "report__institution"
    list_display = ["original_name", "report", "is_public", "created_at"]
    list_filter = ["is_public"]
    readonly_fields = ["report", "uploaded_by", "original", "image", "thumbnail"]


@admin.register(Resolution)
class ResolutionAdmin(InstitutionScopedAdmin):
    institution_path = "report__institution"
    list_display = ["report", "outcome", "issued_by", "issued_at"]
    list_filter = ["outcome"]
    readonly_fields = ["report", "issued_by", "issued_at"]


@admin.register(ResponseTemplate)
class ResponseTemplateAdmin(InstitutionScopedAdmin):
    list_display = ["title", "institution", "category", "outcome", "is_active"]
    list_filter = ["institution", "outcome", "is_active"]
    search_fields = ["title", "text"]
