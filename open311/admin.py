from typing import Any

from django.contrib import admin, messages
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext as _

from institutions.admin_site import InstitutionScopedAdmin
from open311.keys import issue_api_key
from open311.models import ApiKey, PendingRequest


@admin.register(ApiKey)
class ApiKeyAdmin(InstitutionScopedAdmin):
    list_display = [
        "application",
        "institution",
        "prefix",
        "is_active",
        "created_by",
        "created_at",
        "last_used_at",
    ]
    list_filter = ["institution", "is_active"]
    search_fields = ["application", "prefix"]

    def get_fields(self, request: HttpRequest, obj: ApiKey | None = None) -> list[Any]:
        if obj is None:
            return ["institution", "application"]
        return [
            "institution",
            "application",
            "prefix",
            "is_active",
            "created_by",
            "created_at",
            "last_used_at",
        ]

    def get_readonly_fields(
        self, request: HttpRequest, obj: ApiKey | None = None
    ) -> list[Any]:
        if obj is None:
            return []
        return ["institution", "prefix", "created_by", "created_at", "last_used_at"]

    def save_model(
        self, request: HttpRequest, obj: ApiKey, form: ModelForm[ApiKey], change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return

        # The key exists in clear only in this message: it is never stored.
        api_key, key = issue_api_key(
            institution=obj.institution,
            application=obj.application,
            created_by=request.user,  # type: ignore[arg-type]
        )
        obj.pk = api_key.pk
        obj.refresh_from_db()
        messages.warning(
            request,
            _(
                "The key of %(application)s is %(key)s. Copy it now and give it "
                "to the application: it is not shown again."
            )
            % {"application": api_key.application, "key": key},
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A key that sent requests stays, deactivated, to say who sent them.
        return False


@admin.register(PendingRequest)
class PendingRequestAdmin(InstitutionScopedAdmin):
    list_display = ["token", "institution", "category", "created_at", "report"]
    list_filter = ["institution"]
    # The author's e-mail address, name and phone are not shown.
    fields = ("token", "institution", "category", "created_at", "report", "refusal")
    readonly_fields = (
        "token",
        "institution",
        "category",
        "created_at",
        "report",
        "refusal",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
