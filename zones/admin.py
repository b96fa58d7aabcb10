from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from leaflet.admin import LeafletGeoAdmin

from accounts.models import User
from institutions.admin_site import (
    InstitutionScopedAdmin,
    administered_institution,
    sees_everything,
)
from institutions.models import Institution
from zones.forms import ZoneImportForm
from zones.geojson import ZoneFileError
from zones.models import Zone
from zones.operations import assign_zones, import_zones


def administered_institutions(request: HttpRequest) -> QuerySet[Institution]:
    if sees_everything(request):
        return Institution.objects.all()
    institution = administered_institution(request)
    if institution is None:
        return Institution.objects.none()
    return Institution.objects.filter(pk=institution.pk)


@admin.register(Zone)
class ZoneAdmin(InstitutionScopedAdmin, LeafletGeoAdmin):
    list_display = ["name", "kind", "institution", "source", "imported_at"]
    list_filter = ["institution", "kind"]
    search_fields = ["name"]
    readonly_fields = ["source", "imported_at"]
    change_list_template = "zones/admin/zone_change_list.html"

    # A zone drawn, changed or deleted by hand moves reports as an import
    # does: they are placed again, in the admin's transaction.
    def save_model(
        self, request: HttpRequest, obj: Zone, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        assign_zones(obj.institution)

    def delete_model(self, request: HttpRequest, obj: Zone) -> None:
        institution = obj.institution
        super().delete_model(request, obj)
        assign_zones(institution)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Zone]) -> None:
        institutions = list(Institution.objects.filter(zones__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for institution in institutions:
            assign_zones(institution)

    def get_urls(self) -> list[URLPattern]:
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="zones_zone_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Import zones from a GeoJSON file, then re-assign the reports."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        assert isinstance(request.user, User)  # admin_view let only users in
        form = ZoneImportForm(
            request.POST or None,
            request.FILES or None,
            institutions=administered_institutions(request),
        )

        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            if data["replace"] and not self.has_delete_permission(request):
                raise PermissionDenied
            try:
                result = import_zones(
                    institution=data["institution"],
                    data=data["file"],
                    name_property=data["name_property"].strip(),
                    kind=data["kind"],
                    replace=data["replace"],
                    source=form.source_name,
                )
            except ZoneFileError as error:
                for problem in error.problems:
                    form.add_error("file", problem)
            else:
                self.message_user(
                    request,
                    _(
                        "Zones imported: %(created)s new, %(updated)s updated, "
                        "%(deleted)s deleted. %(moved)s reports changed zone."
                    )
                    % vars(result),
                    messages.SUCCESS,
                )
                return redirect("admin:zones_zone_changelist")

        context = {
            **self.admin_site.each_context(request),
            "title": _("Import zones from GeoJSON"),
            "opts": self.opts,
            "form": form,
        }
        return TemplateResponse(request, "zones/admin/import.html", context)
