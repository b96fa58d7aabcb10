from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from institutions.admin_site import InstitutionScopedAdmin
from registratura.models import RegisterCounter, RegistryCall, RegistryConfig


@admin.register(RegisterCounter)
class RegisterCounterAdmin(InstitutionScopedAdmin):
    list_display = ["institution", "year", "direction", "last_number"]
    list_filter = ["institution", "year", "direction"]

    def has_change_permission(
        self, request: HttpRequest, obj: RegisterCounter | None = None
    ) -> bool:
        # Editing a counter by hand would break the register's sequence.
        return False


@admin.register(RegistryConfig)
class RegistryConfigAdmin(InstitutionScopedAdmin):
    # An endpoint typed without its scheme is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["institution", "adapter", "endpoint_url", "callback_enabled"]
    fieldsets = [
        (None, {"fields": ["institution", "adapter"]}),
        (
            "HTTP",
            {
                "fields": [
                    "endpoint_url",
                    "shared_secret",
                    "timeout_seconds",
                    "callback_enabled",
                ]
            },
        ),
        ("E-mail", {"fields": ["mailbox", "number_pattern"]}),
    ]


@admin.register(RegistryCall)
class RegistryCallAdmin(InstitutionScopedAdmin):
    list_display = ["pk", "institution", "report", "state", "attempts", "created_at"]
    list_filter = ["institution", "state", "direction"]
    readonly_fields = [field.name for field in RegistryCall._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: RegistryCall | None = None
    ) -> bool:
        # The outbox's workers own the calls; staff retry from the back office.
        return False
