from django.contrib import admin
from django.http import HttpRequest

from registratura.models import RegisterCounter


@admin.register(RegisterCounter)
class RegisterCounterAdmin(admin.ModelAdmin):
    list_display = ["institution", "year", "direction", "last_number"]
    list_filter = ["institution", "year", "direction"]

    def has_change_permission(
        self, request: HttpRequest, obj: RegisterCounter | None = None
    ) -> bool:
        # Editing a counter by hand would break the register's sequence.
        return False
