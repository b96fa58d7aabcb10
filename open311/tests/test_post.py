import re

import jsonschema
import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User
from open311.models import ApiKey, PendingRequest
from open311.tests import schemas
from open311.tests.conftest import API, json_of, xml_of
from reports.models import Report, Status

DESCRIPTION = "Groapă adâncă pe carosabil, în dreptul numărului 12."


@pytest.fixture
def post(client, potholes, api_key):
    """POST a request with good defaults; keyword arguments replace them."""

    def send(fmt="json", **fields):
        data = {
            "api_key": api_key,
            "service_code": str(potholes.pk),
            "lat": "46.7694",
            "long": "23.5899",
            "address_string": "Piața Unirii 1",
            "description": DESCRIPTION,
            "email": "ana.ionescu@example.ro",
            "first_name": "Ana",
            "last_name": "Ionescu",
            "phone": "0744555666",
        }
        headers = {name: fields.pop(name) for name in list(fields) if name.isupper()}
        data.update(fields)
        return client.post(f"{API}requests.{fmt}", data, **headers)

    return send


def test_a_verified_account_gets_a_registered_report(post, citizen):
    response = post()

    data = json_of(response)
    jsonschema.validate(data, schemas.CREATED)
    report = Report.objects.get(pk=data[0]["service_request_id"])
    assert report.author == citizen
    assert report.status == Status.REGISTERED
    assert report.description == DESCRIPTION
    assert report.registry_number in data[0]["service_notice"]
    assert ApiKey.objects.get().last_used_at is not None


def test_the_xml_answer_has_the_id_and_no_token(post, citizen):
    root = xml_of(post(fmt="xml"))

    request = root.find("request")
    assert root.tag == "service_requests"
    assert [child.tag for child in request] == [
        "service_request_id",
        "service_notice",
        "account_id",
    ]
    assert Report.objects.filter(pk=request.findtext("service_request_id")).exists()


def test_the_account_keeps_its_own_name_and_phone(post, citizen):
    post(first_name="Alt", last_name="Nume", phone="0722000111")

    citizen.refresh_from_db()
    assert (citizen.full_name, citizen.phone) == ("Ana Ionescu", "+40744555666")


@pytest.mark.parametrize("key", ["", "nu-este-o-cheie-valida-deloc-1234567890"])
def test_a_missing_or_wrong_key_is_a_403(post, citizen, key):
    response = post(api_key=key)

    assert response.status_code == 403
    jsonschema.validate(json_of(response), schemas.ERRORS)
    assert not Report.objects.exists()


def test_a_deactivated_key_is_a_403(post, citizen):
    ApiKey.objects.update(is_active=False)

    assert post().status_code == 403


def test_a_key_of_another_institution_is_a_403(post, citizen, api_key):
    from tests.factories import InstitutionFactory

    floresti = InstitutionFactory(slug="floresti")

    response = post(HTTP_HOST=floresti.domain)

    assert response.status_code == 403
    assert json_of(response)[0]["code"] == 403
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"service_code": ""}, 400),
        ({"service_code": "999999"}, 404),
        ({"description": ""}, 400),
        ({"description": "scurt"}, 400),
        ({"email": ""}, 400),
        ({"email": "nu-e-adresa"}, 400),
        ({"lat": "", "long": "", "address_string": ""}, 400),
        ({"lat": "44.43", "long": "26.10"}, 400),
        ({"jurisdiction_id": "nicaieri"}, 404),
    ],
)
def test_a_request_refused_changes_nothing(post, citizen, fields, status):
    response = post(**fields)

    assert response.status_code == status
    jsonschema.validate(json_of(response), schemas.ERRORS)
    assert not Report.objects.exists()
    assert not PendingRequest.objects.exists()


def test_an_address_alone_is_located_by_the_geocoder(post, citizen, institution):
    from institutions.models import Street

    Street.objects.create(
        institution=institution,
        name="Strada Memorandumului",
        location="POINT(23.58 46.77)",
    )

    response = post(lat="", long="", address_string="Strada Memorandumului 5")

    report = Report.objects.get(pk=json_of(response)[0]["service_request_id"])
    assert (report.location.x, report.location.y) == (23.58, 46.77)


def test_the_limit_per_account_applies(post, citizen, settings):
    settings.REPORTS_PER_HOUR = 1
    post()

    response = post()

    assert response.status_code == 400
    assert Report.objects.count() == 1


def test_an_unknown_address_waits_with_a_token_then_becomes_a_report(client, post, api):
    email = "ion.vlad@example.ro"

    created = json_of(post(email=email, first_name="Ion", last_name="Vlad"))
    token = created[0]["token"]
    waiting = json_of(api(f"tokens/{token}.json"))

    jsonschema.validate(created, schemas.CREATED)
    jsonschema.validate(waiting, schemas.TOKEN)
    assert waiting == [{"service_request_id": None, "token": token}]
    assert not Report.objects.exists()
    [invitation] = mail.outbox
    assert invitation.to == [email]
    assert "/cont/signup/" in invitation.body

    mail.outbox.clear()
    client.post(
        "/cont/signup/",
        {
            "full_name": "Ion Vlad",
            "phone": "0722333444",
            "email": email,
            "password1": "o-parola-lunga-2026",
            "password2": "o-parola-lunga-2026",
        },
    )
    link = re.search(r"http://\S+/cont/confirm-email/\S+/", mail.outbox[0].body)
    client.post(link.group(0))

    report = Report.objects.get()
    assert report.author == User.objects.get(email=email)
    assert report.status == Status.REGISTERED
    assert json_of(api(f"tokens/{token}.json")) == [
        {"service_request_id": report.pk, "token": token}
    ]
    pending = PendingRequest.objects.get()
    assert (pending.full_name, pending.phone) == ("", "")


def test_an_unverified_account_waits_too(post, api):
    from tests.factories import UserFactory

    user = UserFactory(email="nou@example.ro", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False)

    created = json_of(post(email="nou@example.ro"))

    assert "token" in created[0]
    assert not Report.objects.exists()


def test_an_unknown_token_is_a_404(api, institution):
    response = api("tokens/nu-exista.xml")

    assert response.status_code == 404
    assert xml_of(response).findtext("error/code") == "404"


def test_the_api_needs_no_csrf_token(potholes, api_key, citizen):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    response = client.post(
        f"{API}requests.json",
        {
            "api_key": api_key,
            "service_code": str(potholes.pk),
            "lat": "46.7694",
            "long": "23.5899",
            "description": DESCRIPTION,
            "email": citizen.email,
        },
    )

    assert response.status_code == 200


def test_a_confirmed_address_fills_an_account_without_name_or_phone(post):
    from allauth.account.signals import email_confirmed

    from tests.factories import UserFactory

    user = UserFactory(
        email="fara.date@example.ro", full_name="", phone="", verified=False
    )
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False)
    post(
        email="Fara.Date@example.ro",
        first_name="Maria",
        last_name="Pop",
        phone="0722 333 444",
    )

    address.set_verified(commit=True)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)

    user.refresh_from_db()
    assert (user.full_name, user.phone) == ("Maria Pop", "+40722333444")
    assert Report.objects.get().author == user


def test_an_address_gets_one_invitation_a_day_and_five_waiting_requests(post):
    answers = [post(email="ion.vlad@example.ro") for _ in range(6)]

    assert [answer.status_code for answer in answers] == [200] * 5 + [400]
    assert len(mail.outbox) == 1
    assert PendingRequest.objects.count() == 5
