import json

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.utils import translation

from reports import workflow
from reports.forwarding import forward_report
from reports.models import Report
from tests.factories import CategoryFactory, InstitutionFactory, RoutingRuleFactory
from zones.geojson import ZoneFileError
from zones.models import Zone, ZoneKind
from zones.operations import assign_zones, import_zones, zone_at
from zones.tests.geojson import (
    CENTRE_BOX,
    MANASTUR_BOX,
    MANASTUR_POINT,
    OUTSIDE_POINT,
    collection,
    feature,
    ring,
    two_zones,
)


def do_import(institution, data, *, name_property="name", replace=True):
    return import_zones(
        institution=institution,
        data=data,
        name_property=name_property,
        kind=ZoneKind.NEIGHBOURHOOD,
        replace=replace,
        source="cartiere.geojson",
    )


def moved_to(report, point):
    """Move a report as if it had been sent before its zone existed."""
    Report.objects.filter(pk=report.pk).update(location=point, zone=None)


def zone_name(report):
    report.refresh_from_db()
    return report.zone.name if report.zone else None


# Importing


def test_import_creates_the_zones_of_the_file(institution):
    result = do_import(institution, two_zones())

    zones = Zone.objects.filter(institution=institution)
    assert sorted(zones.values_list("name", flat=True)) == ["Centru", "Mănăștur"]
    assert result.created == 2
    assert (result.updated, result.deleted, result.moved) == (0, 0, 0)
    centre = zones.get(name="Centru")
    assert centre.kind == ZoneKind.NEIGHBOURHOOD
    assert centre.source == "cartiere.geojson"
    assert centre.area.geom_type == "MultiPolygon"
    assert centre.area.extent == pytest.approx(CENTRE_BOX)


def test_import_places_the_existing_reports_of_the_institution(institution, flow):
    in_centre = flow.submit()
    in_manastur = flow.submit()
    outside = flow.submit()
    moved_to(in_manastur, MANASTUR_POINT)
    moved_to(outside, OUTSIDE_POINT)

    result = do_import(institution, two_zones())

    assert zone_name(in_centre) == "Centru"
    assert zone_name(in_manastur) == "Mănăștur"
    assert zone_name(outside) is None
    assert result.moved == 2


def test_import_leaves_other_institutions_reports_alone(institution, flow):
    report = flow.submit()
    other = InstitutionFactory(slug="floresti")

    do_import(other, two_zones())

    assert zone_name(report) is None


def test_replacing_keeps_the_zones_still_in_the_file(institution, flow):
    do_import(institution, two_zones())
    centre = Zone.objects.get(name="Centru")
    manastur_report = flow.submit()
    moved_to(manastur_report, MANASTUR_POINT)
    assign_zones(institution)
    bigger_centre = (23.50, 46.74, 23.60, 46.78)

    result = do_import(institution, collection(feature("Centru", bigger_centre)))

    assert list(Zone.objects.values_list("pk", flat=True)) == [centre.pk]
    assert Zone.objects.get().area.extent == pytest.approx(bigger_centre)
    assert (result.created, result.updated, result.deleted) == (0, 1, 1)
    # Mănăștur is gone, and its report is in the larger centre now.
    assert zone_name(manastur_report) == "Centru"


def test_adding_keeps_the_current_zones(institution):
    do_import(institution, collection(feature("Centru", CENTRE_BOX)))

    result = do_import(
        institution, collection(feature("Mănăștur", MANASTUR_BOX)), replace=False
    )

    assert Zone.objects.count() == 2
    assert result.created == 1


def test_adding_refuses_a_name_taken_and_imports_nothing(institution):
    do_import(institution, collection(feature("Centru", CENTRE_BOX)))

    with translation.override("en"), pytest.raises(ZoneFileError) as error:
        do_import(institution, two_zones(), replace=False)

    assert error.value.problems == [
        (
            "The institution has zones named “Centru” already: replace the zones, "
            "or rename them in the file."
        )
    ]
    assert list(Zone.objects.values_list("name", flat=True)) == ["Centru"]


def test_a_file_with_one_bad_zone_changes_nothing(institution, flow):
    do_import(institution, two_zones())
    report = flow.submit()
    data = collection(
        feature("Centru", (23.40, 46.60, 23.45, 46.65)), feature(None, MANASTUR_BOX)
    )

    with pytest.raises(ZoneFileError):
        do_import(institution, data)

    assert Zone.objects.count() == 2
    assert Zone.objects.get(name="Centru").area.extent == pytest.approx(CENTRE_BOX)
    assert zone_name(report) == "Centru"


def test_import_reads_an_older_file_in_stereo_70(institution, flow):
    # EPSG:3844, the Romanian national projection, in which many city
    # halls keep their maps; older GeoJSON files name it in "crs".
    polygon = Polygon(ring(CENTRE_BOX), srid=4326)
    polygon.transform(3844)
    data = json.dumps(
        {
            "type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "EPSG:3844"}},
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "Centru"},
                    "geometry": json.loads(polygon.json),
                }
            ],
        }
    ).encode()
    report = flow.submit()

    do_import(institution, data)

    assert Zone.objects.get().area.extent == pytest.approx(CENTRE_BOX, abs=1e-6)
    assert zone_name(report) == "Centru"


def test_import_repairs_a_ring_that_crosses_itself(institution):
    # A bow tie: the ring crosses itself at the middle of the box.
    west, south, east, north = CENTRE_BOX
    bow_tie = [[west, south], [east, north], [east, south], [west, north]]
    data = collection(
        {
            "type": "Feature",
            "properties": {"name": "Centru"},
            "geometry": {"type": "Polygon", "coordinates": [[*bow_tie, bow_tie[0]]]},
        }
    )

    do_import(institution, data)

    area = Zone.objects.get().area
    assert area.valid
    assert len(area) == 2


# Bad files, each refused with every problem named


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        (b"\xff\xfe{", ["The file is not text in UTF-8: is it a GeoJSON file?"]),
        (
            b'{"type": "FeatureCollection",\n "features": [}',
            ["The file is not valid JSON: the error is on line 2, column 15."],
        ),
        (
            b'{"type": "Feature"}',
            ["The file must hold a GeoJSON FeatureCollection, one feature a zone."],
        ),
        (collection(), ["The file holds no zones."]),
        (
            collection(feature(None, CENTRE_BOX, id=7, label="Centru")),
            [
                (
                    "Feature 1 has no “name” property to name the zone. Its "
                    "properties are: id, label."
                )
            ],
        ),
        (
            collection(
                {
                    "type": "Feature",
                    "properties": {"name": "Piața"},
                    "geometry": {"type": "Point", "coordinates": [23.5, 46.7]},
                },
                {"type": "Feature", "properties": {"name": "Nimic"}, "geometry": None},
            ),
            [
                "Zone “Piața” is not a polygon (its geometry is Point).",
                "Zone “Nimic” is not a polygon (its geometry is missing).",
            ],
        ),
        (
            collection(feature("Centru", CENTRE_BOX), feature("centru", CENTRE_BOX)),
            ["Two zones are named “centru”."],
        ),
        (
            collection(
                feature("Centru", CENTRE_BOX),
                crs={"type": "name", "properties": {"name": "Lambert"}},
            ),
            [
                (
                    "The file's coordinate system “Lambert” is not known: save it "
                    "in WGS 84 (EPSG:4326)."
                )
            ],
        ),
        (
            collection(
                feature("Centru", CENTRE_BOX),
                crs={"type": "name", "properties": {"name": "EPSG:999999"}},
            ),
            [
                (
                    "The file's coordinate system “EPSG:999999” is not known: "
                    "save it in WGS 84 (EPSG:4326)."
                )
            ],
        ),
        (
            # Stereo 70 metres, without the "crs" that would say so.
            collection(feature("Centru", (390000, 585000, 393000, 588000))),
            [
                (
                    "Zone “Centru” has coordinates that are not longitudes and "
                    "latitudes: save the file in WGS 84 (EPSG:4326)."
                )
            ],
        ),
    ],
    ids=[
        "not-utf8",
        "not-json",
        "not-a-collection",
        "empty",
        "no-name",
        "not-polygons",
        "same-name",
        "unknown-crs",
        "unknown-epsg",
        "projected",
    ],
)
def test_bad_files_are_refused_with_their_problems(institution, data, problems):
    with translation.override("en"), pytest.raises(ZoneFileError) as error:
        do_import(institution, data)

    assert error.value.problems == problems
    assert not Zone.objects.exists()


def test_many_problems_are_summarised(institution):
    data = collection(*[feature(None, CENTRE_BOX) for _ in range(12)])

    with translation.override("en"), pytest.raises(ZoneFileError) as error:
        do_import(institution, data)

    assert len(error.value.problems) == 11
    assert error.value.problems[-1] == "…and 2 more problems."


def test_problems_are_in_romanian_by_default(institution):
    with pytest.raises(ZoneFileError) as error:
        do_import(institution, collection())

    assert error.value.problems == ["Fișierul nu conține nicio zonă."]


# Placing reports


def test_a_report_gets_its_zone_when_sent(institution, citizen, potholes):
    do_import(institution, two_zones())

    report = workflow.submit_report(
        author=citizen,
        institution=institution,
        category=potholes,
        location=MANASTUR_POINT,
        description="Groapă adâncă în asfalt, lângă stația de autobuz.",
    )

    assert zone_name(report) == "Mănăștur"


def test_a_report_outside_every_zone_has_none(institution, citizen, potholes):
    do_import(institution, two_zones())

    report = workflow.submit_report(
        author=citizen,
        institution=institution,
        category=potholes,
        location=OUTSIDE_POINT,
        description="Groapă adâncă în asfalt, lângă stația de autobuz.",
    )

    assert zone_name(report) is None


def test_overlapping_zones_give_the_first_one_everywhere(institution, flow):
    do_import(institution, collection(feature("Centru", CENTRE_BOX)))
    do_import(
        institution,
        collection(feature("Centru extins", (23.57, 46.75, 23.61, 46.79))),
        replace=False,
    )
    report = flow.submit()

    assert zone_name(report) == "Centru"
    assert assign_zones(institution) == 0
    assert zone_at(institution, report.location).name == "Centru"


def test_assign_zones_writes_only_the_reports_that_move(institution, flow):
    do_import(institution, two_zones())
    reports = [flow.submit() for _ in range(3)]
    moved_to(reports[0], MANASTUR_POINT)

    assert assign_zones(institution) == 1
    assert assign_zones(institution) == 0


def test_deleting_a_zone_puts_its_reports_outside(institution, flow):
    do_import(institution, two_zones())
    report = flow.submit()

    Zone.objects.get(name="Centru").delete()

    assert zone_name(report) is None
    assert Report.objects.filter(pk=report.pk).exists()


def test_zone_at_is_none_without_zones(institution):
    assert zone_at(institution, Point(23.5899, 46.7694, srid=4326)) is None


def test_zone_areas_are_multipolygons_in_wgs84(institution):
    do_import(institution, two_zones())

    for zone in Zone.objects.all():
        assert isinstance(zone.area, MultiPolygon)
        assert zone.area.srid == 4326


# The real neighbourhoods of Cluj-Napoca


def test_import_of_the_cluj_napoca_neighbourhoods(institution, flow, shared_data):
    path = shared_data / "geo" / "cluj-napoca-cartiere-2017.geojson"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    report = flow.submit()
    manastur_report = flow.submit()
    moved_to(manastur_report, Point(23.5480, 46.7560, srid=4326))

    result = do_import(institution, path.read_bytes(), name_property="defaultLabel")

    assert result.created == 21
    assert Zone.objects.filter(institution=institution).count() == 21
    assert all(zone.area.valid for zone in Zone.objects.all())
    assert zone_name(report) == "Centru"
    assert zone_name(manastur_report) == "Mănăștur"
    assert result.moved == 2


def test_a_forwarded_copy_takes_the_zone_of_its_new_institution(
    institution, flow, clerk
):
    do_import(institution, two_zones())
    county = InstitutionFactory(slug="cj-cluj", name="Consiliul Județean Cluj")
    do_import(county, collection(feature("Zona metropolitană", CENTRE_BOX)))
    county_roads = CategoryFactory(institution=county, name="Drumuri județene")
    RoutingRuleFactory(category=county_roads, institution=county)
    report = flow.submit()

    copy = forward_report(
        report=report,
        actor=clerk,
        reason="Drumul județean este în administrarea Consiliului Județean.",
        category=county_roads,
    )

    assert zone_name(report) == "Centru"
    assert zone_name(copy) == "Zona metropolitană"
