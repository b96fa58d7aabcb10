"""Every admin page opens, in Romanian, with nothing loaded from another host."""

import re

import pytest
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.gis.db import models as gis_models
from django.urls import NoReverseMatch, reverse
from leaflet.admin import LeafletGeoAdmin

from tests.factories import UserFactory

# A script or stylesheet from anywhere but this site.
EXTERNAL_ASSET = re.compile(
    r"<(?:script|link)\b[^>]*(?:src|href)=\"(?:https?:)?//(?!testserver)", re.I
)


def _admin_pages():
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        yield f"admin:{meta.app_label}_{meta.model_name}_changelist", model_admin
        yield f"admin:{meta.app_label}_{meta.model_name}_add", model_admin


@pytest.fixture
def superuser_client(client, db):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "name", [name for name, _model_admin in _admin_pages()], ids=lambda name: name
)
def test_admin_page_opens_without_outside_assets(superuser_client, institution, name):
    try:
        url = reverse(name)
    except NoReverseMatch:
        pytest.skip(f"{name} has no such page")

    response = superuser_client.get(url)

    # 403: an admin that allows no adding (counters, outbox, timelines).
    assert response.status_code in (200, 403), response.status_code
    assert not EXTERNAL_ASSET.search(response.content.decode())


def test_every_admin_with_a_map_field_uses_the_local_leaflet_widget():
    # Django's own map widget loads OpenLayers from a CDN.
    with_geometry = [
        model
        for model in admin.site._registry
        if any(
            isinstance(field, gis_models.GeometryField)
            for field in model._meta.get_fields()
        )
    ]

    plain = [
        model.__name__
        for model in with_geometry
        if not isinstance(admin.site._registry[model], LeafletGeoAdmin)
        and _edits_geometry(admin.site._registry[model], model)
    ]
    assert with_geometry
    assert plain == []


def _edits_geometry(model_admin, model) -> bool:
    geometry = {
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, gis_models.GeometryField)
    }
    shown = set(model_admin.fields or geometry) - set(model_admin.readonly_fields)
    return bool(shown & geometry)


# The apps whose admin pages are where an institution sets itself up. Other
# admins leave fields out on purpose (keys shown once, personal data).
SETTINGS_APPS = {"institutions", "zones"}


def test_every_setting_has_a_place_in_its_admin(rf, db):
    # An admin that lists its fields by hand forgets the newest one, and
    # then nobody can set it (the institution's public filters were so).
    request = rf.get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    missing = {}
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in SETTINGS_APPS:
            continue
        editable = {
            field.name
            for field in model._meta.concrete_fields
            if field.editable and not field.primary_key
        }
        placed = set(flatten_fieldsets(model_admin.get_fieldsets(request)))
        left_out = set(model_admin.exclude or ()) | set(
            model_admin.get_readonly_fields(request)
        )
        if hidden := editable - placed - left_out:
            missing[model.__name__] = sorted(hidden)

    assert missing == {}, missing
