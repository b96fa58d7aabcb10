import pytest
from django.core.management import CommandError, call_command

from zones.models import Zone, ZoneKind
from zones.tests.geojson import CENTRE_BOX, collection, feature, two_zones


def test_the_command_imports_a_file(institution, flow, tmp_path, capsys):
    path = tmp_path / "cartiere.geojson"
    path.write_bytes(two_zones())
    report = flow.submit()

    call_command("import_zones", path, institution=institution.slug, kind="district")

    assert Zone.objects.filter(kind=ZoneKind.DISTRICT).count() == 2
    assert Zone.objects.get(name="Centru").source == "cartiere.geojson"
    report.refresh_from_db()
    assert report.zone.name == "Centru"
    assert "2 zones created, 0 updated, 0 deleted; 1 reports changed zone." in (
        capsys.readouterr().out
    )


def test_the_command_adds_with_add(institution, tmp_path):
    first, second = tmp_path / "a.geojson", tmp_path / "b.geojson"
    first.write_bytes(collection(feature("Centru", CENTRE_BOX)))
    second.write_bytes(collection(feature("Gruia", (23.56, 46.77, 23.575, 46.79))))

    call_command("import_zones", first, institution=institution.slug)
    call_command("import_zones", second, "--add", institution=institution.slug)

    assert sorted(Zone.objects.values_list("name", flat=True)) == ["Centru", "Gruia"]


def test_the_command_names_the_problems(institution, tmp_path):
    path = tmp_path / "cartiere.geojson"
    path.write_bytes(collection(feature("Centru", CENTRE_BOX)))

    with pytest.raises(CommandError, match="proprietatea „nume”"):
        call_command(
            "import_zones", path, institution=institution.slug, name_property="nume"
        )

    assert not Zone.objects.exists()


def test_the_command_needs_a_known_institution(db, tmp_path):
    path = tmp_path / "cartiere.geojson"
    path.write_bytes(two_zones())

    with pytest.raises(CommandError, match="No institution 'nicaieri'"):
        call_command("import_zones", path, institution="nicaieri")
