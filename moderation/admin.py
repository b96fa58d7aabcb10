from django.contrib import admin

from institutions.admin_site import InstitutionScopedAdmin
from moderation.models import OffensiveWord


@admin.register(OffensiveWord)
class OffensiveWordAdmin(InstitutionScopedAdmin):
    # The lists shared by all institutions (no institution) are superusers'.
    list_display = ["word", "language", "institution"]
    list_filter = ["language", "institution"]
    search_fields = ["word"]
