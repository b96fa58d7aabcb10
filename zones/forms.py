from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.models import Institution
from zones.geojson import MAX_FILE_BYTES
from zones.models import ZoneKind


class ZoneImportForm(forms.Form):
    institution = forms.ModelChoiceField(
        label=_("Institution"), queryset=Institution.objects.none()
    )
    file = forms.FileField(
        label=_("GeoJSON file"),
        help_text=_(
            "A FeatureCollection in WGS 84 (EPSG:4326), one polygon a zone, "
            "as exported by QGIS or geojson.io."
        ),
    )
    name_property = forms.CharField(
        label=_("Property holding the name"),
        initial="name",
        max_length=100,
        help_text=_("The feature property whose value names the zone."),
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("zone", "Kind"),
        choices=ZoneKind.choices,
        initial=ZoneKind.NEIGHBOURHOOD,
    )
    replace = forms.TypedChoiceField(
        label=_("The institution's current zones"),
        choices=[
            (
                "yes",
                _(
                    "Replace them: zones of the same name are updated, the "
                    "others deleted"
                ),
            ),
            ("no", _("Keep them and add the zones of the file")),
        ],
        coerce=lambda value: value == "yes",
        initial="yes",
        widget=forms.RadioSelect,
    )

    def __init__(
        self, *args: Any, institutions: QuerySet[Institution], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.source_name = ""
        field = self.fields["institution"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = institutions
        if len(institutions) == 1:
            field.initial = institutions[0]

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."),
                params={"size": MAX_FILE_BYTES // (1024 * 1024)},
            )
        self.source_name = (upload.name or "")[:200]
        return upload.read()
