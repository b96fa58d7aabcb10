"""The nearby reports endpoint, the preview's list and following a report."""

import json

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point
from django.test import Client
from django.urls import reverse

from notifications.following import FollowError, follow_report
from notifications.models import Follow
from reports.models import Report
from tests.factories import CategoryFactory, InstitutionFactory, UserFactory
from tests.flow import ORIGINAL, PUBLIC

NEARBY = reverse("reports:nearby")
NEW = reverse("reports:new")


def client_for(user) -> Client:
    # English pages: the assertions read the source strings.
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        client.force_login(user)
    return client


def near(place: Point, metres_north: float) -> Point:
    return Point(place.x, place.y + metres_north / 111_195, srid=4326)


@pytest.fixture
def nearby_report(flow, place, other_citizen):
    """A published pothole 30 m north of the place, sent by another citizen."""
    photo = flow.photo(uploaded_by=other_citizen)
    report = flow.submit(author=other_citizen, photos=[photo])
    Report.objects.filter(pk=report.pk).update(location=near(place, 30))
    return flow.publish(report, public_photos=[photo])


# The endpoint


def test_nearby_answers_with_public_data_only(
    nearby_report, potholes, place, other_citizen, django_assert_max_num_queries
):
    query = {"lat": place.y, "lng": place.x, "category": potholes.pk}

    # The institution (two), the category, the reference system, the reports.
    with django_assert_max_num_queries(5):
        response = client_for(None).get(NEARBY, query)

    [item] = response.json()["reports"]
    photo = nearby_report.photos.get()
    assert response.status_code == 200
    assert item == {
        "id": nearby_report.pk,
        "number": nearby_report.registry_number,
        "category": potholes.name,
        "icon": "",
        "state": "new",
        "label": "New",
        "text": PUBLIC,
        "distance_m": 30,
        "thumbnail": reverse("reports:photo", args=[photo.token, "thumbnail"]),
        "url": reverse("reports:detail", args=[nearby_report.pk]),
        "follow_url": reverse("reports:follow", args=[nearby_report.pk]),
    }
    content = response.content.decode()
    for private in (
        other_citizen.full_name,
        other_citizen.email,
        other_citizen.phone,
        ORIGINAL,
    ):
        assert private not in content


@pytest.mark.parametrize(
    "query",
    [
        {"lat": "nord", "lng": "23.5899"},
        {"lat": "91", "lng": "23.5899"},
        {"lat": "nan", "lng": "23.5899"},
        {"lng": "23.5899"},
    ],
)
def test_nearby_refuses_a_bad_latitude(potholes, query):
    response = client_for(None).get(NEARBY, {**query, "category": potholes.pk})

    assert response.status_code == 400
    assert response.json()["error"] == (
        "Give a valid latitude, longitude and category."
    )
    assert list(response.json()["fields"]) == ["lat"]


def test_nearby_refuses_a_category_of_another_institution(potholes, place):
    elsewhere = CategoryFactory(institution=InstitutionFactory(slug="floresti"))

    response = client_for(None).get(
        NEARBY, {"lat": place.y, "lng": place.x, "category": elsewhere.pk}
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "category": ["Choose one of the categories offered."]
    }


# Without JavaScript: the preview lists them


def test_preview_offers_to_follow_a_nearby_report(nearby_report, citizen, potholes):
    data = {
        "category": potholes.pk,
        "address": "Piața Unirii 1",
        "latitude": "46.769400",
        "longitude": "23.589900",
        "description": "Groapă adâncă în asfalt, lângă stația de autobuz.",
        "action": "preview",
    }

    response = client_for(citizen).post(NEW, data)

    content = response.content.decode()
    follow_url = reverse("reports:follow", args=[nearby_report.pk])
    assert response.templates[0].name == "reports/report_preview.html"
    assert "Is it one of these?" in content
    assert f'<form method="post" action="{follow_url}">' in content
    assert "about 30 metres away" in content
    assert "Follow this report instead" in content


# Following


def test_follow_sends_visitors_to_log_in_first(nearby_report):
    url = reverse("reports:follow", args=[nearby_report.pk])

    response = client_for(None).post(url)

    detail = reverse("reports:detail", args=[nearby_report.pk])
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={detail}"
    assert not Follow.objects.exists()


def test_follow_twice_records_one_follow(nearby_report, citizen):
    client = client_for(citizen)
    url = reverse("reports:follow", args=[nearby_report.pk])

    client.post(url)
    response = client.post(url, follow=True)

    assert response.redirect_chain == [
        (reverse("reports:detail", args=[nearby_report.pk]), 302)
    ]
    assert "You follow this report; you will be told of its updates." in (
        response.content.decode()
    )
    assert list(Follow.objects.values_list("user", "report")) == [
        (citizen.pk, nearby_report.pk)
    ]


def test_follow_of_a_report_not_yet_public_is_not_found(registered_report, citizen):
    url = reverse("reports:follow", args=[registered_report.pk])

    response = client_for(citizen).post(url)

    assert response.status_code == 404
    assert not Follow.objects.exists()


def test_follow_needs_a_confirmed_email_address(nearby_report):
    unconfirmed = UserFactory(verified=False)
    url = reverse("reports:follow", args=[nearby_report.pk])

    response = client_for(unconfirmed).post(url, follow=True)

    assert "Confirm your e-mail address before following a report." in (
        response.content.decode()
    )
    assert not Follow.objects.exists()


def test_follow_takes_only_posts(nearby_report, citizen):
    url = reverse("reports:follow", args=[nearby_report.pk])

    response = client_for(citizen).get(url)

    assert response.status_code == 405


def test_follow_report_refuses_a_rejected_report(flow, citizen):
    rejected = flow.reject(flow.submit(author=citizen))

    with pytest.raises(FollowError):
        follow_report(user=citizen, report=rejected)

    assert not Follow.objects.exists()


def test_nearby_json_is_valid_json_for_an_empty_place(potholes):
    response = client_for(None).get(
        NEARBY, {"lat": "46.8", "lng": "23.6", "category": potholes.pk}
    )

    assert json.loads(response.content) == {"reports": []}
