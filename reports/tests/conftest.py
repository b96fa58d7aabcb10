import pytest

from zones.models import Zone
from zones.operations import import_zones
from zones.tests.geojson import two_zones


@pytest.fixture
def zones(institution):
    """Centru and Mănăștur, by name."""
    import_zones(
        institution=institution,
        data=two_zones(),
        name_property="name",
        kind="neighbourhood",
        replace=True,
    )
    return {zone.name: zone for zone in Zone.objects.filter(institution=institution)}
