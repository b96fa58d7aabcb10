from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin

from institutions import images
from institutions.admin_site import (
    InstitutionScopedAdmin,
    InstitutionScopedInline,
    sees_everything,
)
from institutions.checks import is_allowed
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("logo", "favicon"):
            image = self.fields[name]
            # Django's own image check would refuse an SVG in its words; the
            # redrawing says which pictures to upload instead.
            self.fields[name] = forms.FileField(
                label=image.label,
                help_text=image.help_text,
                required=False,
                widget=image.widget,
            )

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


class DepartmentInline(InstitutionScopedInline, admin.TabularInline):
    model = Department
    extra = 0
    fields = ["name", "kind", "email", "is_active"]


@admin.register(Institution)
class InstitutionAdmin(InstitutionScopedAdmin, LeafletGeoAdmin):
    form = InstitutionForm
    institution_path = "pk"
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

    def get_readonly_fields(
        self, request: HttpRequest, obj: Institution | None = None
    ) -> list[str]:
        # Where an institution is served is the deployment's matter: its
        # domain must also be in ALLOWED_HOSTS and the proxy's certificates.
        if sees_everything(request):
            return []
        return ["slug", "domain"]

    def save_model(
        self,
        request: HttpRequest,
        obj: Institution,
        form: ModelForm[Institution],
        change: bool,
    ) -> None:
        super().save_model(request, obj, form, change)
        if obj.domain and not is_allowed(obj.domain):
            messages.warning(
                request,
                _(
                    "%(domain)s is not yet among the server's allowed hosts "
                    "(SESIZARI_ALLOWED_HOSTS): until it is added, its site "
                    "answers 400 Bad Request."
                )
                % {"domain": obj.domain},
            )

    def get_prepopulated_fields(
        self, request: HttpRequest, obj: Institution | None = None
    ) -> dict[str, Sequence[str]]:
        if sees_everything(request):
            return super().get_prepopulated_fields(request, obj)
        return {}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request) and super().has_add_permission(request)

    def has_delete_permission(
        self, request: HttpRequest, obj: Institution | None = None
    ) -> bool:
        return sees_everything(request) and super().has_delete_permission(request, obj)


class MembershipInline(InstitutionScopedInline, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role"]


@admin.register(Department)
class DepartmentAdmin(InstitutionScopedAdmin):
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
class MembershipAdmin(InstitutionScopedAdmin):
    list_display = ["user", "role", "department", "institution"]
    list_filter = ["institution", "role", "department"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user"]


class RoutingRuleInline(InstitutionScopedInline, admin.StackedInline):
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
class CategoryAdmin(InstitutionScopedAdmin):
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
class RoutingRuleAdmin(InstitutionScopedAdmin):
    list_display = ["category", "department", "institution"]
    list_filter = ["institution", "department"]


@admin.register(Street)
class StreetAdmin(InstitutionScopedAdmin, LeafletGeoAdmin):
    list_display = ["name", "institution"]
    list_filter = ["institution"]
    search_fields = ["name"]
