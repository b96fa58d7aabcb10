from django.contrib import admin

from moderation.models import OffensiveWord


@admin.register(OffensiveWord)
class OffensiveWordAdmin(admin.ModelAdmin):
    list_display = ["word", "language", "institution"]
    list_filter = ["language", "institution"]
    search_fields = ["word"]
