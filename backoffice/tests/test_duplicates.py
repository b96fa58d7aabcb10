"""The clerk's list of possible duplicates on a report's staff page."""

from django.conf import settings
from django.contrib.gis.geos import Point
from django.urls import reverse

from reports.models import Report
from tests.factories import UserFactory


def _page(report) -> str:
    return reverse("backoffice:report", args=[report.pk])


def _moved_north(report, place, metres) -> Report:
    location = Point(place.x, place.y + metres / 111_195, srid=4326)
    Report.objects.filter(pk=report.pk).update(location=location)
    return report


def test_report_page_shows_the_clerk_possible_duplicates(client, clerk, flow, place):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    report = flow.submit(description="Groapă adâncă pe trotuar în fața școlii.")
    photos = [
        flow.photo(uploaded_by=citizen) for citizen in UserFactory.create_batch(2)
    ]
    same = _moved_north(
        flow.submit(
            author=photos[0].uploaded_by,
            description="Groapa adanca pe trotuar in fata scolii!",
            photos=[photos[0]],
        ),
        place,
        40,
    )
    other = _moved_north(
        flow.published(
            author=photos[1].uploaded_by, description="Trotuar spart, apă băltită."
        ),
        place,
        20,
    )
    client.force_login(clerk)

    response = client.get(_page(report))

    page = response.content.decode()
    candidates = response.context["duplicates"]
    assert [c.report.pk for c in candidates] == [same.pk, other.pk]
    assert "Possible duplicates" in page
    assert f'href="{_page(same)}">Report {same.registry_number}</a>' in page
    assert "<dd>40 m</dd>" in page
    assert "<dd>20 m</dd>" in page
    assert "<dd>0 days</dd>" in page
    assert f"<dd>{candidates[0].similarity_percent}%</dd>" in page
    assert candidates[0].similarity_percent >= 80
    thumbnail = reverse("reports:photo", args=[photos[0].token, "thumbnail"])
    assert f'src="{thumbnail}"' in page


def test_report_page_shows_no_duplicates_to_a_department(
    client, head, flow, place, published_report
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    other = _moved_north(flow.published(author=UserFactory()), place, 10)
    client.force_login(head)

    response = client.get(_page(published_report))

    assert response.context["duplicates"] == []
    assert "Possible duplicates" not in response.content.decode()
    assert _page(other) not in response.content.decode()


def test_report_page_without_candidates_has_no_duplicates_section(
    client, clerk, registered_report
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(clerk)

    response = client.get(_page(registered_report))

    assert "Possible duplicates" not in response.content.decode()
