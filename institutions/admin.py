from typing import Any

from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin

from institutions import images
from institutions.models import (
    Category,
    CategoryQuestion,
    Department,
    Institution,
    Membership,
    RoutingRule,
    Street,
)


class InstitutionForm(ModelForm[Institution]):
    """The institution's form: the logo and the icon are redrawn when uploaded."""

    def clean_logo(self) -> Any:
        return self._redrawn("logo", images.LOGO)

    def clean_favicon(self) -> Any:
        return self._redrawn("favicon", images.FAVICON)

    def _redrawn(self, field: str, shape: images.Shape) -> Any:
        value = self.cleaned_data.get(field)
        # A new upload is an UploadedFile; a kept or cleared one is not.
        if isinstance(value, UploadedFile):
            return images.redraw(value, shape)
        return value


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0
    fields = ["name", "kind", "email", "is_active"]


@admin.register(Institution)
class InstitutionAdmin(LeafletGeoAdmin):
    form = InstitutionForm
    list_display = ["name", "slug", "domain", "answer_term_days"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DepartmentInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "domain", "answer_term_days"]}),
        (
            _("Is the problem solved?"),
            {"fields": ["satisfaction_days", "reopen_days"]},
        ),
        (
            _("Branding"),
            {
                "fields": [
                    "logo",
                    "favicon",
                    "main_colour",
                    "email_sender",
                    "contact_email",
                    "contact_phone",
                    "contact_address",
                ]
            },
        ),
        (
            _("Public site"),
            {
                "fields": [
                    "intro_text",
                    "intro_text_en",
                    "intro_text_hu",
                    "public_filters",
                ]
            },
        ),
        (
            _("Map"),
            {
                "fields": [
                    "boundary",
                    "map_centre",
                    "map_zoom",
                    "tile_url",
                    "tile_attribution",
                ]
            },
        ),
    ]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "institution", "email", "is_active"]
    list_filter = ["institution", "kind", "is_active"]
    search_fields = ["name"]
    inlines = [MembershipInline]

    def save_formset(
        self,
        request: HttpRequest,
        form: ModelForm[Department],
        formset: BaseInlineFormSet,
        change: bool,
    ) -> None:
        # Memberships added on a department page belong to its institution.
        for membership in formset.save(commit=False):
            membership.institution = form.instance.institution
            membership.save()
        formset.save_m2m()
        for removed in formset.deleted_objects:
            removed.delete()


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "department", "institution"]
    list_filter = ["institution", "role", "department"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user"]


class RoutingRuleInline(admin.StackedInline):
    model = RoutingRule
    extra = 0
    fields = ["department"]


class CategoryQuestionInline(admin.StackedInline):
    model = CategoryQuestion
    extra = 0
    fields = [
        ("label", "code"),
        "help_text",
        ("kind", "required", "position"),
        "choices",
        ("label_en", "help_text_en", "choices_en"),
        ("label_hu", "help_text_hu", "choices_hu"),
    ]
    prepopulated_fields = {"code": ["label"]}


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "icon", "institution", "is_active", "position"]
    list_editable = ["is_active", "position"]
    list_filter = ["institution", "is_active"]
    search_fields = ["name"]
    inlines = [RoutingRuleInline, CategoryQuestionInline]

    def save_formset(
        self,
        request: HttpRequest,
        form: ModelForm[Category],
        formset: BaseInlineFormSet,
        change: bool,
    ) -> None:
        if formset.model is not RoutingRule:
            super().save_formset(request, form, formset, change)
            return
        for rule in formset.save(commit=False):
            rule.institution = form.instance.institution
            rule.save()
        for removed in formset.deleted_objects:
            removed.delete()


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ["category", "department", "institution"]
    list_filter = ["institution", "department"]


@admin.register(Street)
class StreetAdmin(LeafletGeoAdmin):
    list_display = ["name", "institution"]
    list_filter = ["institution"]
    search_fields = ["name"]
