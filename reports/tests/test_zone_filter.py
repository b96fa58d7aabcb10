import pytest
from django.urls import reverse

from reports.filters import ReportFilterForm, apply_filters
from reports.mapdata import public_reports
from reports.models import Report
from tests.factories import InstitutionFactory
from zones.models import Zone
from zones.operations import assign_zones, import_zones
from zones.tests.geojson import MANASTUR_POINT, OUTSIDE_POINT, two_zones


@pytest.fixture
def reports_by_zone(flow, zones, no_report_limits):
    """A published report in each zone and one outside them."""
    reports = {"Centru": flow.published()}
    for name, point in (("Mănăștur", MANASTUR_POINT), ("outside", OUTSIDE_POINT)):
        reports[name] = flow.published()
        Report.objects.filter(pk=reports[name].pk).update(location=point)
    assign_zones(reports["Centru"].institution)
    return reports


def map_ids(client, query):
    response = client.get(reverse("reports:map-data"), query)
    assert response.status_code == 200
    return {feature["properties"]["id"] for feature in response.json()["features"]}


def test_map_data_filters_by_zone(client, zones, reports_by_zone):
    ids = map_ids(client, {"zone": zones["Mănăștur"].pk})

    assert ids == {reports_by_zone["Mănăștur"].pk}


def test_map_data_filters_the_reports_outside_the_zones(client, reports_by_zone):
    ids = map_ids(client, {"zone": "outside"})

    assert ids == {reports_by_zone["outside"].pk}


@pytest.mark.parametrize("zone", ["999999", "centru", "1.5", "", "%00"])
def test_map_data_ignores_an_unknown_zone(client, reports_by_zone, zone):
    ids = map_ids(client, {"zone": zone})

    assert ids == {report.pk for report in reports_by_zone.values()}


def test_map_data_ignores_a_zone_of_another_institution(client, reports_by_zone):
    other = InstitutionFactory(slug="floresti")
    import_zones(
        institution=other,
        data=two_zones(),
        name_property="name",
        kind="neighbourhood",
        replace=True,
    )
    elsewhere = Zone.objects.get(institution=other, name="Centru")

    ids = map_ids(client, {"zone": elsewhere.pk})

    assert ids == {report.pk for report in reports_by_zone.values()}


def test_zone_and_category_filters_combine(client, zones, reports_by_zone, flow, parks):
    park_report = flow.published(category=parks)

    ids = map_ids(client, {"zone": zones["Centru"].pk, "category": parks.pk})

    assert ids == {park_report.pk}


def test_list_offers_the_zones_and_the_outside_group(client, zones, reports_by_zone):
    response = client.get(reverse("reports:list"), {"zone": "outside"})

    page = response.content.decode()
    assert '<select name="zone"' in page
    assert '<option value="">Toate zonele</option>' in page
    assert f'<option value="{zones["Centru"].pk}">Centru</option>' in page
    assert '<option value="outside" selected>În afara zonelor</option>' in page
    assert f'href="/sesizari/{reports_by_zone["outside"].pk}/"' in page
    assert f'href="/sesizari/{reports_by_zone["Centru"].pk}/"' not in page
    assert "?zone=outside" in page


def test_list_has_no_zone_filter_without_zones(client, published_report):
    response = client.get(reverse("reports:list"))

    assert 'name="zone"' not in response.content.decode()


def test_home_keeps_the_zone_in_the_map_source(client, zones):
    response = client.get(reverse("home"), {"zone": zones["Centru"].pk})

    assert f"/harta.json?zone={zones['Centru'].pk}" in response.content.decode()


def test_filter_form_reads_the_zones_once(
    institution, zones, django_assert_num_queries
):
    form = ReportFilterForm({"zone": zones["Centru"].pk}, institution=institution)

    with django_assert_num_queries(1):
        assert form.valid_values() == {"zone": str(zones["Centru"].pk)}
        assert form.labels() == ["Centru"]
        assert "zone" in [field.name for field in form.shown_fields()]


def test_filter_form_reads_no_zone_without_a_zone_filter(
    institution, django_assert_num_queries
):
    form = ReportFilterForm({"status": "new"}, institution=institution)

    with django_assert_num_queries(0):
        assert form.valid_values() == {"status": "new"}
        assert form.query_string() == "status=new"


def test_apply_filters_outside_is_the_reports_without_a_zone(
    institution, reports_by_zone
):
    form = ReportFilterForm({"zone": "outside"}, institution=institution)

    reports = apply_filters(public_reports(institution), form)

    assert list(reports) == [reports_by_zone["outside"]]


def test_report_page_names_its_zone_with_a_link_to_its_list(
    client, zones, reports_by_zone
):
    report = reports_by_zone["Mănăștur"]

    response = client.get(reverse("reports:detail", args=[report.pk]))

    link = f'<a href="/sesizari/?zone={zones["Mănăștur"].pk}">Mănăștur</a>'
    assert link in response.content.decode()


def test_report_page_outside_the_zones_names_none(client, reports_by_zone):
    report = reports_by_zone["outside"]

    response = client.get(reverse("reports:detail", args=[report.pk]))

    assert "?zone=" not in response.content.decode()
