import math
from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone

from institutions.models import Category
from reports.duplicates import (
    candidates_for,
    nearby_open_reports,
    text_similarity,
)
from reports.models import Report
from tests.factories import CategoryFactory, InstitutionFactory, UserFactory

METRES_PER_DEGREE_OF_LATITUDE = 111_195


def north_of(point: Point, metres: float) -> Point:
    return Point(
        point.x, point.y + metres / METRES_PER_DEGREE_OF_LATITUDE, srid=point.srid
    )


def east_of(point: Point, metres: float) -> Point:
    degree = METRES_PER_DEGREE_OF_LATITUDE * math.cos(math.radians(point.y))
    return Point(point.x + metres / degree, point.y, srid=point.srid)


def moved(report: Report, location: Point, *, days_old: int = 0) -> Report:
    created_at = timezone.now() - timedelta(days=days_old)
    Report.objects.filter(pk=report.pk).update(location=location, created_at=created_at)
    report.refresh_from_db()
    return report


def submitted(flow, **kwargs) -> Report:
    # A neighbour each: one citizen may send only a few reports an hour.
    return flow.submit(author=UserFactory(), **kwargs)


def published(flow, **kwargs) -> Report:
    return flow.publish(submitted(flow, **kwargs))


def nearby(place, category, **kwargs):
    found = nearby_open_reports(
        institution=category.institution, category=category, location=place, **kwargs
    )
    return [(item.report.pk, item.distance_m) for item in found]


# Reports offered to the citizen


@pytest.mark.mainflow
def test_nearby_offers_a_published_report_of_the_category_within_its_radius(
    flow, place, potholes
):
    close = moved(published(flow), north_of(place, 30))
    moved(published(flow), north_of(place, 200))

    found = nearby(place, potholes)

    assert found == [(close.pk, 30)]


def test_nearby_leaves_out_reports_that_are_not_open_and_public(flow, place, potholes):
    moved(submitted(flow), north_of(place, 10))
    moved(flow.reject(submitted(flow)), north_of(place, 10))
    moved(flow.resolve(flow.assign(published(flow))), north_of(place, 10))
    assigned = moved(flow.assign(published(flow)), north_of(place, 20))
    still_open = moved(published(flow), north_of(place, 40))

    found = nearby(place, potholes)

    assert found == [(assigned.pk, 20), (still_open.pk, 40)]


def test_nearby_offers_very_close_recent_reports_of_any_category(
    flow, place, potholes, parks
):
    close = moved(published(flow, category=parks), east_of(place, 20))
    moved(published(flow, category=parks), east_of(place, 40))
    moved(published(flow, category=parks), east_of(place, 10), days_old=40)

    found = nearby(place, potholes)

    assert found == [(close.pk, 20)]


def test_nearby_honours_the_radius_of_each_category(flow, place, potholes, parks):
    far = moved(published(flow), north_of(place, 200))
    moved(published(flow, category=parks), north_of(place, 200))
    Category.objects.filter(pk=potholes.pk).update(duplicate_radius_m=250)
    potholes.refresh_from_db()

    found = nearby(place, potholes)

    assert found == [(far.pk, 200)]


def test_nearby_lists_the_nearest_first_and_at_most_five(flow, place, potholes):
    reports = [
        moved(published(flow), north_of(place, metres))
        for metres in (45, 5, 35, 25, 15, 40)
    ]

    found = nearby(place, potholes)

    assert [pk for pk, _metres in found] == [
        reports[1].pk,
        reports[4].pk,
        reports[3].pk,
        reports[2].pk,
        reports[5].pk,
    ]


def test_nearby_leaves_out_the_excluded_report_and_other_institutions(
    flow, place, potholes
):
    excluded = moved(published(flow), north_of(place, 5))
    other = InstitutionFactory(slug="floresti")
    CategoryFactory(institution=other, name=potholes.name)

    found = nearby(place, potholes, exclude=excluded)
    found_elsewhere = nearby_open_reports(
        institution=other, category=potholes, location=place
    )

    assert found == []
    assert found_elsewhere == []


def test_nearby_gives_the_first_public_photo_only(flow, place, potholes, two_photos):
    public, private = two_photos
    report = flow.submit(photos=two_photos)
    flow.publish(report, public_photos=[private])

    [item] = nearby_open_reports(
        institution=potholes.institution, category=potholes, location=place
    )

    assert item.first_photo == private.token
    assert public.token != private.token


# Candidates shown to the clerk


def test_candidates_include_registered_reports_and_rank_them(
    flow, place, potholes, parks, django_assert_max_num_queries
):
    report = submitted(flow, description="Groapă mare pe trotuar lângă școală.")
    alike = moved(
        submitted(flow, description="Groapa mare pe trotuar langa scoala, adanca."),
        north_of(place, 30),
    )
    closest = moved(
        published(flow, description="Semafor defect la intersecție de o săptămână."),
        north_of(place, 5),
    )
    other_category = moved(
        submitted(flow, category=parks, description="Bancă ruptă în parc."),
        north_of(place, 15),
    )
    moved(flow.reject(submitted(flow)), north_of(place, 1))
    moved(submitted(flow), north_of(place, 150))
    moved(submitted(flow, category=parks), north_of(place, 40))

    # One query for them all, and one for the reference system at most.
    with django_assert_max_num_queries(2):
        candidates = candidates_for(report)

    assert [c.report.pk for c in candidates] == [
        alike.pk,
        closest.pk,
        other_category.pk,
    ]
    assert [c.distance_m for c in candidates] == [30, 5, 15]
    assert candidates[0].similarity > 0.5
    assert candidates[1].similarity < 0.15
    assert candidates[0].report.status == "registered"


def test_candidates_give_the_age_in_days(flow, place):
    report = submitted(flow)
    older = moved(submitted(flow), north_of(place, 10), days_old=12)

    [candidate] = candidates_for(report)

    assert candidate.report == older
    assert candidate.age_days == 12


# Text similarity


def test_similarity_of_texts_differing_in_diacritics_and_cedillas_is_one():
    comma = "Groapă adâncă în fața școlii, pe strada Țebei."
    cedilla = "Groapă adâncă în faţa şcolii, pe strada Ţebei."
    bare = "GROAPA ADANCA IN FATA SCOLII PE STRADA TEBEI"

    assert text_similarity(comma, cedilla) == 1.0
    assert text_similarity(comma, bare) == 1.0


def test_similarity_of_unrelated_texts_is_low():
    pothole = "Groapă adâncă în asfalt, lângă stația de autobuz."
    lamp = "Bec ars pe stâlpul de iluminat de pe Calea Mănăștur."

    assert text_similarity(pothole, lamp) < 0.15


def test_similarity_of_an_empty_text_is_zero():
    assert text_similarity("", "Groapă adâncă.") == 0.0
    assert text_similarity("...", "") == 0.0
