"""Each institution chooses the filters its map and list offer, and their order."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from institutions.models import PUBLIC_FILTERS
from reports.filters import ReportFilterForm
from reports.models import Report

LIST = reverse("reports:list")


def _offered(client):
    return [field.name for field in client.get(LIST).context["form"].shown_fields()]


def test_every_filter_is_offered_by_default(client, institution, zones):
    assert _offered(client) == [
        "category",
        "status",
        "outcome",
        "since",
        "until",
        "q",
        "zone",
    ]


def test_the_institution_chooses_filters_and_their_order(client, institution, zones):
    institution.public_filters = "zone, q ,category"
    institution.save()

    assert _offered(client) == ["zone", "q", "category"]


def test_a_link_with_a_filter_not_offered_still_filters(
    client, institution, flow, no_report_limits
):
    institution.public_filters = "category"
    institution.save()
    kept, other = flow.published(), flow.published()
    Report.objects.filter(pk=kept.pk).update(address="Strada Observatorului 5")
    Report.objects.filter(pk=other.pk).update(address="Bulevardul Eroilor 2")

    page = client.get(LIST, {"q": "Observatorului"})

    assert [report.pk for report in page.context["page"]] == [kept.pk]


def test_an_unknown_filter_is_refused_by_name(institution):
    institution.public_filters = "category, neighbourhood"

    with pytest.raises(ValidationError) as refused:
        institution.full_clean()

    assert "neighbourhood" in refused.value.message_dict["public_filters"][0]


def test_the_form_keeps_no_zone_filter_without_zones(institution):
    form = ReportFilterForm({}, institution=institution)

    assert "zone" not in [field.name for field in form.shown_fields()]


def test_the_institution_names_every_filter_of_the_form():
    # institutions cannot import reports: the list is written twice, and
    # this keeps the two the same.
    assert set(PUBLIC_FILTERS) == set(ReportFilterForm.base_fields)
