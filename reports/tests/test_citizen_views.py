from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from institutions.models import Category, Street
from registratura.models import Adapter, RegistryConfig
from reports import workflow
from reports.models import Photo, Report, Status
from reports.tests.fake_nominatim import (
    FakeNominatim,
    closed_port_url,
    nominatim_result,
)
from tests.factories import (
    PDF_BYTES,
    InstitutionFactory,
    UserFactory,
    jpeg_upload,
)
from tests.flow import SUMMARY

DESCRIPTION = "Groapă adâncă în asfalt, lângă stația de autobuz."
NEW = reverse("reports:new")


def client_for(user) -> Client:
    # English pages: the assertions read the source strings.
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def citizen_client(citizen):
    return client_for(citizen)


def report_data(category, **changes) -> dict:
    data = {
        "category": category.pk,
        "address": "Piața Unirii 1",
        "latitude": "46.769400",
        "longitude": "23.589900",
        "description": DESCRIPTION,
        "action": "preview",
    }
    data.update(changes)
    return data


def hostile_svg(shared_data) -> SimpleUploadedFile:
    path = shared_data / "photos" / "hostile" / "SVG_XSS_green_triangle.svg"
    return SimpleUploadedFile(path.name, path.read_bytes(), "image/svg+xml")


# The form


def test_report_new_without_categories_says_so_and_how_to_reach_the_institution(
    citizen_client, institution
):
    institution.contact_phone = "0264 596 030"
    institution.save()

    content = citizen_client.get(NEW).content.decode()

    assert 'id="no-categories"' in content
    assert "0264 596 030" in content


def test_report_new_sends_visitors_to_log_in_first(institution):
    response = client_for(None).get(NEW)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={NEW}"


def test_report_new_gives_a_category_s_guidance_read_with_its_choice(
    citizen_client, potholes
):
    guidance = "Pentru o groapă adâncă pe carosabil, sunați și la 112."
    Category.objects.filter(pk=potholes.pk).update(guidance=guidance)

    content = citizen_client.get(NEW).content.decode()

    guidance_id = f"category-{potholes.pk}-guidance"
    assert (
        f'<span class="category-option__guidance" id="{guidance_id}">{guidance}</span>'
    ) in content
    assert (
        f'aria-describedby="category-{potholes.pk}-description {guidance_id}"'
    ) in content


def test_report_new_offers_the_active_categories_with_their_descriptions(
    citizen_client, potholes, institution
):
    closed = Category.objects.create(
        institution=institution, name="Categorie închisă", is_active=False
    )

    response = citizen_client.get(NEW)

    content = response.content.decode()
    assert response.status_code == 200
    assert potholes.name in content
    assert (
        f'<span class="helptext category-option__description" '
        f'id="category-{potholes.pk}-description">Gropi, trotuare, poduri.</span>'
    ) in content
    assert f'aria-describedby="category-{potholes.pk}-description"' in content
    assert closed.name not in content
    assert "id_address" in content
    assert (
        'accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"'
    ) in content


def test_report_new_keeps_text_and_good_photo_when_another_file_is_bad(
    citizen_client, citizen, potholes, shared_data
):
    data = report_data(potholes, photos=[jpeg_upload(), hostile_svg(shared_data)])

    response = citizen_client.post(NEW, data)

    content = response.content.decode()
    [kept] = Photo.objects.filter(uploaded_by=citizen, report__isnull=True)
    assert response.templates[0].name == "reports/report_form.html"
    assert "SVG_XSS_green_triangle.svg is not a JPEG, PNG, WebP or HEIC photo." in (
        content
    )
    assert f'<input type="hidden" name="photo" value="{kept.token}">' in content
    assert DESCRIPTION in content
    assert 'value="Piața Unirii 1"' in content
    assert 'value="46.769400"' in content
    assert f'value="{potholes.pk}"\n' in content
    assert "checked" in content.split(f'id="category-{potholes.pk}"')[1][:200]
    assert Report.objects.count() == 0


def test_report_new_preview_shows_the_public_text_without_contact_data(
    citizen_client, citizen, potholes, flow
):
    photo = flow.photo()

    response = citizen_client.post(NEW, report_data(potholes, photo=[photo.token]))

    content = response.content.decode()
    assert response.templates[0].name == "reports/report_preview.html"
    assert potholes.name in content
    assert f"<p>{DESCRIPTION}</p>" in content
    assert "Piața Unirii 1" in content
    assert reverse("reports:photo", args=[photo.token, "thumbnail"]) in content
    assert "never public" in content
    assert citizen.full_name not in content
    assert citizen.phone not in content
    assert citizen.email not in content
    assert 'id="report-send-button"' in content
    assert Report.objects.count() == 0


def test_report_new_edit_returns_to_the_filled_form(citizen_client, potholes):
    response = citizen_client.post(NEW, report_data(potholes, action="edit"))

    content = response.content.decode()
    assert response.templates[0].name == "reports/report_form.html"
    assert DESCRIPTION in content
    assert 'class="error-summary"' not in content


@pytest.mark.mainflow
def test_report_new_send_registers_the_report_and_redirects(
    citizen_client, citizen, potholes
):
    preview = citizen_client.post(NEW, report_data(potholes, photos=[jpeg_upload()]))
    [photo] = preview.context["draft"].photos

    response = citizen_client.post(
        NEW, report_data(potholes, action="send", photo=[photo.token]), follow=True
    )

    report = Report.objects.get()
    year = timezone.localdate().year
    assert response.redirect_chain == [
        (reverse("reports:mine-detail", args=[report.pk]), 302)
    ]
    assert report.status == Status.REGISTERED
    assert report.registry_number == f"1/{year}"
    assert report.author == citizen
    assert report.description == DESCRIPTION
    assert report.address == "Piața Unirii 1"
    assert (report.location.x, report.location.y) == (23.5899, 46.7694)
    assert list(report.photos.all()) == [photo]
    assert [str(m) for m in response.context["messages"]] == [
        (
            f"Your report was registered with number 1/{year}. "
            f"The answer is due by {date_format(report.due_date)}."
        )
    ]


def test_report_new_refuses_a_place_outside_the_territory(citizen_client, potholes):
    bucharest = report_data(potholes, latitude="44.4268", longitude="26.1025")

    response = citizen_client.post(NEW, bucharest)

    content = response.content.decode()
    assert response.templates[0].name == "reports/report_form.html"
    assert "The place is outside the territory of Primăria Cluj-Napoca." in content
    assert 'aria-describedby="address-help address-errors"' in content
    assert DESCRIPTION in content
    assert Report.objects.count() == 0


def test_report_new_suggests_the_institution_of_a_neighbouring_territory(
    citizen_client, potholes
):
    InstitutionFactory(
        slug="floresti",
        name="Primăria Florești",
        boundary=MultiPolygon(Polygon.from_bbox((23.40, 46.70, 23.45, 46.76))),
    )
    floresti = report_data(potholes, latitude="46.7450", longitude="23.4300")

    response = citizen_client.post(NEW, floresti)

    assert (
        "The place is outside the territory of Primăria Cluj-Napoca. Report it "
        'to <a href="http://floresti.example.ro:8000/sesizare-noua/">'
        "Primăria Florești</a>."
    ) in response.content.decode()


def test_report_new_refuses_a_citizen_without_a_confirmed_email(potholes):
    unconfirmed = client_for(UserFactory(verified=False))

    form = unconfirmed.get(NEW)
    response = unconfirmed.post(NEW, report_data(potholes, action="send"))

    assert 'id="email-not-verified"' in form.content.decode()
    assert response.status_code == 200
    assert (
        "Confirm your e-mail address before sending a report."
        in response.content.decode()
    )
    assert Report.objects.count() == 0


def test_report_new_asks_for_a_place_when_there_is_none(citizen_client, potholes):
    nowhere = report_data(potholes, address="", latitude="", longitude="")

    response = citizen_client.post(NEW, nowhere)

    assert response.context["form"].errors == {
        "address": ["Type the address of the problem or place the pin on the map."]
    }


def test_report_new_asks_for_a_description_long_enough(citizen_client, potholes):
    response = citizen_client.post(NEW, report_data(potholes, description=" Gr. "))

    assert response.context["form"].errors == {
        "description": ["The description must have between 10 and 2000 characters."]
    }


def test_report_new_looks_the_address_up_on_the_server(
    settings, citizen_client, potholes
):
    answer = nominatim_result(
        lat=46.7697, lon=23.5862, road="Strada Memorandumului", house_number="28"
    )
    typed = report_data(
        potholes, address="Memorandumului 28", latitude="", longitude=""
    )

    with FakeNominatim(results=[answer]) as nominatim:
        settings.GEOCODER_URL = nominatim.url
        preview = citizen_client.post(NEW, typed)
        carried = preview.context["carried"]
        citizen_client.post(NEW, {**typed, **carried, "action": "send"})

    report = Report.objects.get()
    assert carried == {
        "latitude": "46.769700",
        "longitude": "23.586200",
        "geocoded_address": "Memorandumului 28",
    }
    assert (report.location.x, report.location.y) == (23.5862, 46.7697)
    assert report.address == "Memorandumului 28"
    assert [r["params"]["q"] for r in nominatim.requests] == ["Memorandumului 28"]


def test_report_new_looks_a_changed_address_up_again(
    settings, citizen_client, potholes, institution
):
    settings.GEOCODER_URL = ""
    Street.objects.create(
        institution=institution,
        name="Bulevardul Eroilor",
        location=Point(23.5930, 46.7700, srid=4326),
    )
    changed = report_data(
        potholes, address="Bd. Eroilor 5", geocoded_address="Memorandumului 28"
    )

    response = citizen_client.post(NEW, changed)

    assert response.context["carried"] == {
        "latitude": "46.770000",
        "longitude": "23.593000",
        "geocoded_address": "Bd. Eroilor 5",
    }


def test_report_new_falls_back_to_the_street_list_when_the_geocoder_is_down(
    settings, citizen_client, potholes, institution
):
    settings.GEOCODER_URL = closed_port_url()
    Street.objects.create(
        institution=institution,
        name="Strada Memorandumului",
        location=Point(23.5860, 46.7695, srid=4326),
    )
    typed = report_data(
        potholes,
        address="str. Memorandumului nr. 28",
        latitude="",
        longitude="",
        action="send",
    )

    response = citizen_client.post(NEW, typed)

    report = Report.objects.get()
    assert response.status_code == 302
    assert (report.location.x, report.location.y) == (23.586, 46.7695)


def test_report_new_says_when_the_address_is_not_found(
    settings, citizen_client, potholes
):
    settings.GEOCODER_URL = ""
    typed = report_data(potholes, address="Strada Inexistentă 3", latitude="")

    response = citizen_client.post(NEW, typed)

    assert response.context["form"].errors == {
        "address": [
            (
                "We could not find this address in Primăria Cluj-Napoca. Check it, "
                "or place the pin on the map."
            )
        ]
    }


def test_report_new_ignores_photo_tokens_of_others(citizen_client, potholes, flow):
    theirs = flow.photo(uploaded_by="other_citizen")

    citizen_client.post(NEW, report_data(potholes, action="send", photo=[theirs.token]))

    theirs.refresh_from_db()
    assert Report.objects.get().photos.count() == 0
    assert theirs.report is None


def test_report_new_removes_a_photo_when_asked(citizen_client, potholes, flow):
    kept, unwanted = flow.photo(), flow.photo()
    data = report_data(
        potholes, photo=[kept.token, unwanted.token], remove_photo=[unwanted.token]
    )

    response = citizen_client.post(NEW, data)

    assert response.context["draft"].photos == [kept]
    assert not Photo.objects.filter(pk=unwanted.pk).exists()


def test_report_new_keeps_at_most_five_photos(citizen_client, potholes, flow):
    tokens = [flow.photo().token for _ in range(4)]
    uploads = [jpeg_upload("a.jpg"), jpeg_upload("b.jpg")]

    response = citizen_client.post(
        NEW, report_data(potholes, photo=tokens, photos=uploads)
    )

    draft = response.context["draft"]
    assert len(draft.photos) == 5
    assert draft.errors == ["b.jpg was not added: a report can have at most 5 photos."]
    assert 'name="photos"' not in response.content.decode()


# The citizen's own reports


@pytest.mark.mainflow
def test_my_reports_lists_own_reports_newest_first(
    citizen_client, flow, django_assert_max_num_queries
):
    first, second, third = (flow.submit() for _ in range(3))
    flow.submit(author="other_citizen")

    with django_assert_max_num_queries(7):
        response = citizen_client.get(reverse("reports:mine"))

    content = response.content.decode()
    assert list(response.context["page"].object_list) == [third, second, first]
    assert third.registry_number in content
    assert date_format(third.due_date) in content
    assert "Registered" in content
    assert "Overdue" not in content


def test_my_reports_marks_overdue_reports_in_words(citizen_client, registered_report):
    Report.objects.filter(pk=registered_report.pk).update(
        due_date=timezone.localdate() - timedelta(days=1)
    )

    response = citizen_client.get(reverse("reports:mine"))

    assert '<span class="badge badge--overdue">Overdue</span>' in (
        response.content.decode()
    )


@pytest.mark.mainflow
def test_my_report_shows_the_report_with_its_photos(citizen_client, potholes, flow):
    citizen_client.post(
        NEW, report_data(potholes, action="send", photo=[flow.photo().token])
    )
    report = Report.objects.get()

    response = citizen_client.get(reverse("reports:mine-detail", args=[report.pk]))

    content = response.content.decode()
    photo = report.photos.get()
    assert response.status_code == 200
    assert f"Report no. {report.registry_number}" in content
    assert DESCRIPTION in content
    assert reverse("reports:photo", args=[photo.token, "thumbnail"]) in content
    # Timeline texts are written in the institution's language, Romanian.
    assert f"Înregistrată cu numărul {report.registry_number}." in content


def test_my_report_is_not_found_for_another_citizen(other_citizen, registered_report):
    response = client_for(other_citizen).get(
        reverse("reports:mine-detail", args=[registered_report.pk])
    )

    assert response.status_code == 404


def test_my_report_shows_the_answer_and_hides_internal_notes(
    citizen_client, flow, staff
):
    report = flow.assign(flow.published())
    workflow.add_note(report=report, actor=staff, text="Echipa merge joi, nu spunem.")
    report = flow.resolve(report)

    response = citizen_client.get(reverse("reports:mine-detail", args=[report.pk]))

    content = response.content.decode()
    assert "Trimisă către Direcția Tehnică." in content
    assert SUMMARY in content
    assert "Fixed" in content
    assert reverse("reports:resolution-document", args=[report.pk]) in content
    assert "Echipa merge joi" not in content
    assert "Assigned to" not in content
    assert "Dan Tehnic" not in content
    assert [event.kind for event in response.context["events"]] == [
        "submitted",
        "registered",
        "published",
        "resolved",
    ]


def test_resolution_document_is_given_to_the_author(citizen_client, resolved_report):
    response = citizen_client.get(
        reverse("reports:resolution-document", args=[resolved_report.pk])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="raspuns-{resolved_report.pk}.pdf"'
    )
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_resolution_document_is_given_to_the_institution_staff(clerk, resolved_report):
    response = client_for(clerk).get(
        reverse("reports:resolution-document", args=[resolved_report.pk])
    )

    assert response.status_code == 200


def test_resolution_document_is_refused_to_another_citizen(
    other_citizen, resolved_report
):
    response = client_for(other_citizen).get(
        reverse("reports:resolution-document", args=[resolved_report.pk])
    )

    assert response.status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("adapter", [Adapter.HTTP, Adapter.EMAIL])
def test_report_new_send_to_an_external_registry_says_the_number_follows(
    citizen_client, potholes, institution, settings, adapter
):
    # The registry is never reached here: the calls wait for the worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    RegistryConfig.objects.create(
        institution=institution,
        adapter=adapter,
        endpoint_url="http://127.0.0.1:9/registratura",
        shared_secret="secret",
        mailbox="registratura@primarie.example.ro",
    )

    response = citizen_client.post(
        NEW, report_data(potholes, action="send"), follow=True
    )

    report = Report.objects.get()
    assert response.redirect_chain == [
        (reverse("reports:mine-detail", args=[report.pk]), 302)
    ]
    assert report.status == Status.SUBMITTED
    [message] = [str(m) for m in response.context["messages"]]
    assert message == (
        "Your report was received. The registry will give it a number, and "
        "the answer's due date, shortly: you will get them by e-mail."
    )
