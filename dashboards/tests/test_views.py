"""Who may see the dashboards, what the pages show, and their exports."""

import io
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from dashboards.jobs import discard_old_exports
from dashboards.models import ExportJob
from institutions.models import Role
from reports.models import Report
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGES = ("evolution", "where", "when", "work")
QUARTER = {"start": "2026-01-01", "end": "2026-03-31"}


def url(name: str, **query: str) -> str:
    address = reverse(f"dashboards:{name}")
    return f"{address}?{urlencode(query)}" if query else address


@pytest.mark.parametrize("page", PAGES)
def test_dashboard_sends_anonymous_visitors_to_log_in(client, institution, page):
    response = client.get(url(page))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_dashboard_is_refused_to_a_citizen(client, citizen, page):
    client.force_login(citizen)

    assert client.get(url(page)).status_code == 403


@pytest.mark.parametrize("persona", ["staff", "clerk"])
def test_dashboard_is_refused_to_roles_below_viewer(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(url("evolution")).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_viewer_sees_every_dashboard(client, viewer, city, page):
    client.force_login(viewer)

    response = client.get(url(page, **QUARTER))

    assert response.status_code == 200
    assert response.context["filters"].department is None


def test_administrator_sees_the_dashboards(client, institution, city):
    admin = MembershipFactory(
        institution=institution, role=Role.ADMIN, user=UserFactory()
    ).user
    client.force_login(admin)

    assert client.get(url("evolution")).status_code == 200


def test_head_sees_own_department_by_default(client, head, roads, city):
    client.force_login(head)

    response = client.get(url("evolution", **QUARTER))

    assert response.context["filters"].department == roads
    # Only the potholes of the department: A, C, D in January-February, H.
    assert response.context["figures"].current.received == [1, 2, 1]


def test_head_may_choose_every_department(client, head, city):
    client.force_login(head)

    response = client.get(url("evolution", department="", **QUARTER))

    assert response.context["filters"].department is None
    assert response.context["figures"].current.received == [2, 2, 2]


def test_filters_come_from_the_url(client, viewer, city):
    client.force_login(viewer)

    response = client.get(
        url("evolution", zone=str(city.manastur.pk), granularity="month", **QUARTER)
    )

    assert response.context["figures"].current.received == [1, 0, 1]
    assert 'value="2026-01-01"' in response.content.decode()


def test_a_reversed_period_falls_back_to_the_default(client, viewer, city):
    client.force_login(viewer)

    response = client.get(url("evolution", start="2026-03-01", end="2026-01-01"))

    assert response.status_code == 200
    assert response.context["form"].errors


def test_every_chart_has_its_table(client, viewer, city):
    client.force_login(viewer)

    page = client.get(url("evolution", **QUARTER)).content.decode()

    assert "<svg" in page
    assert 'id="table-evolution"' in page
    assert 'id="table-by-category"' in page


def test_backoffice_navigation_links_the_dashboards(client, viewer, institution):
    client.force_login(viewer)

    page = client.get(reverse("backoffice:home")).content.decode()

    assert reverse("dashboards:evolution") in page


def test_csv_export_opens_in_romanian_excel(client, viewer, city):
    client.force_login(viewer)

    response = client.get(
        reverse("dashboards:export", args=["evolution", "csv"])
        + "?"
        + urlencode({"by": "zone", **QUARTER})
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert "Mănăștur;2;0;–;1;1\r\n" in text
    assert "2026-01;2;1;2;1;1;0\r\n" in text


def test_xlsx_export_opens_with_diacritics(client, viewer, city):
    client.force_login(viewer)

    response = client.get(
        reverse("dashboards:export", args=["evolution", "xlsx"])
        + "?"
        + urlencode({"by": "zone", **QUARTER})
    )

    workbook = load_workbook(io.BytesIO(response.content))
    rows = [
        list(row) for sheet in workbook for row in sheet.iter_rows(values_only=True)
    ]
    assert ["Mănăștur", 2, 0, "–", 1, 1] in rows
    assert ["2026-01", 2, 1, 2, 1, 1, 0] in rows
    assert (
        'filename="sesizari-evolution-2026-01-01-2026-03-31.xlsx"'
        in (response["Content-Disposition"])
    )


def test_export_is_refused_to_a_citizen(client, citizen, city):
    client.force_login(citizen)

    response = client.get(reverse("dashboards:export", args=["work", "csv"]))

    assert response.status_code == 403


def test_long_export_runs_in_the_background_and_is_downloaded(
    client, viewer, city, django_capture_on_commit_callbacks
):
    client.force_login(viewer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("dashboards:exports"),
            {"query": urlencode(QUARTER), "file_format": "xlsx"},
        )
    job = ExportJob.objects.get()
    status = client.get(reverse("dashboards:export-status", args=[job.token])).json()
    download = client.get(reverse("dashboards:export-download", args=[job.token]))

    assert response.status_code == 302
    assert (status["state"], status["percent"], status["total"]) == ("done", 100, 6)
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 7
    assert rows[1][0] == city.reports["A"].pk
    # Contact data never leaves in an export.
    flat = " ".join(str(cell) for row in rows for cell in row)
    assert "Ana Ionescu" not in flat and "ana.ionescu@example.ro" not in flat


def test_long_export_has_the_chosen_answers_not_the_typed_ones(
    client, viewer, city, django_capture_on_commit_callbacks
):
    Report.objects.filter(pk=city.reports["A"].pk).update(
        answers=[
            {
                "code": "size-cm",
                "question": "Cât de mare este groapa (cm)?",
                "kind": "number",
                "value": "2.5",
                "answer": "2,5",
            },
            {
                "code": "where",
                "question": "Unde este?",
                "kind": "single",
                "value": "road",
                "answer": "Pe carosabil",
            },
            {
                "code": "note",
                "question": "Altceva?",
                "kind": "text",
                "value": "Sunați-mă la 0744555666",
                "answer": "Sunați-mă la 0744555666",
            },
        ]
    )
    client.force_login(viewer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("dashboards:exports"),
            {"query": urlencode(QUARTER), "file_format": "xlsx"},
        )
    job = ExportJob.objects.get()
    download = client.get(reverse("dashboards:export-download", args=[job.token]))

    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "Răspunsuri la întrebările categoriei"
    assert rows[1][-1] == "Cât de mare este groapa (cm)? 2,5; Unde este? Pe carosabil"
    assert all(row[-1] is None for row in rows[2:])


def test_long_export_as_csv_has_a_bom(
    client, viewer, city, django_capture_on_commit_callbacks
):
    client.force_login(viewer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("dashboards:exports"),
            {"query": urlencode(QUARTER), "file_format": "csv"},
        )
    job = ExportJob.objects.get()
    download = client.get(reverse("dashboards:export-download", args=[job.token]))

    content = b"".join(download.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    assert len(content.decode("utf-8-sig").splitlines()) == 7


def test_export_of_another_person_is_not_found(client, viewer, institution, city):
    job = ExportJob.objects.create(
        institution=institution, requested_by=viewer, file_format="csv"
    )
    other = MembershipFactory(
        institution=institution, role=Role.VIEWER, user=UserFactory()
    ).user
    client.force_login(other)

    response = client.get(reverse("dashboards:export-status", args=[job.token]))

    assert response.status_code == 404


def test_public_statistics_need_no_login(client, city):
    response = client.get(reverse("public-statistics"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Spații verzi/Parcuri" in page


def test_public_statistics_name_the_categories_in_the_visitor_s_language(
    client, city, parks
):
    parks.name_hu = "Zöldterületek/Parkok"
    parks.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hu"

    page = client.get(reverse("public-statistics")).content.decode()

    assert "Zöldterületek/Parkok" in page
    assert "Spații verzi/Parcuri" not in page


def test_public_statistics_show_no_personal_data(client, city, citizen):
    page = client.get(reverse("public-statistics")).content.decode()

    assert citizen.full_name not in page
    assert citizen.email not in page
    assert "0744555666" not in page and "+40744555666" not in page


def test_public_navigation_links_the_statistics(client, institution):
    page = client.get(reverse("home")).content.decode()

    assert reverse("public-statistics") in page


def test_head_export_holds_the_department_the_page_showed(
    client, head, roads, city, django_capture_on_commit_callbacks
):
    client.force_login(head)
    page = client.get(url("evolution", **QUARTER))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("dashboards:exports"),
            {"query": page.context["query"], "file_format": "csv"},
        )

    # A, C, D and H are the department's; B and I are not.
    assert ExportJob.objects.get().total == 4


def test_hexagons_for_the_web_map_follow_the_zoom(client, viewer, city):
    client.force_login(viewer)

    far = client.get(reverse("dashboards:hexagons"), {"zoom": "12", **QUARTER})
    near = client.get(reverse("dashboards:hexagons"), {"zoom": "16", **QUARTER})

    assert (far.json()["size"], near.json()["size"]) == (1000, 250)
    features = near.json()["features"]
    assert sum(feature["properties"]["received"] for feature in features) == 6
    ring = features[0]["geometry"]["coordinates"][0]
    assert len(ring) == 7 and ring[0] == ring[-1]
    # Longitude first, around Cluj-Napoca.
    assert 23.4 < ring[0][0] < 23.7 and 46.7 < ring[0][1] < 46.8
    zones = [zone["properties"]["name"] for zone in near.json()["zones"]["features"]]
    assert zones == ["Centru", "Mănăștur"]


def test_hexagons_are_refused_to_a_citizen(client, citizen, city):
    client.force_login(citizen)

    response = client.get(reverse("dashboards:hexagons"))

    assert response.status_code == 403


def test_exports_are_deleted_with_their_files_after_a_week(
    client, viewer, city, django_capture_on_commit_callbacks
):
    client.force_login(viewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("dashboards:exports"),
            {"query": urlencode(QUARTER), "file_format": "csv"},
        )
    job = ExportJob.objects.get()
    storage, name = job.file.storage, job.file.name

    kept = discard_old_exports(now=job.created_at + timedelta(days=6))
    dropped = discard_old_exports(now=job.created_at + timedelta(days=7, seconds=1))

    assert (kept, dropped) == (0, 1)
    assert not ExportJob.objects.exists()
    assert not storage.exists(name)
    download = client.get(reverse("dashboards:export-download", args=[job.token]))
    assert download.status_code == 404
