"""The institution's admin page, filled in as it stands, for tests to change."""

from django.test import Client
from django.urls import reverse

from institutions.models import Institution


def institution_form(client: Client, institution: Institution) -> tuple[str, dict]:
    """The change page's address, and its form's values as a browser sends them.

    Files are left out (a browser sends none unless one is chosen), maps
    as GeoJSON, and the departments inline is sent empty.
    """
    url = reverse("admin:institutions_institution_change", args=[institution.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: getattr(value, "geojson", value)
        for name, value in form.initial.items()
        if value is not None and name not in ("logo", "favicon")
    }
    data.update({"departments-TOTAL_FORMS": "0", "departments-INITIAL_FORMS": "0"})
    return url, data
