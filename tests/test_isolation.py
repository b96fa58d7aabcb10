"""Two institutions on one deployment, each on its own domain, each its own.

Cluj-Napoca and Florești each have a published report with a public photo
and a report waiting for the clerk, their own staff and API key. On either
site nothing of the other shows: not in pages, map data, feeds, Open311,
the back office or e-mails.
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from institutions.models import Institution, Role
from notifications.following import follow_report, unsubscribe_token
from notifications.models import Follow, OutgoingEmail
from open311.keys import issue_api_key
from reports.models import Photo, Report
from tests.factories import (
    CategoryFactory,
    DepartmentFactory,
    InstitutionFactory,
    MembershipFactory,
    RoutingRuleFactory,
    UserFactory,
)
from tests.flow import Flow

CLUJ = "sesizari.cluj.example.ro"
FLORESTI = "sesizari.floresti.example.ro"
API = "/open311/v2/"


@dataclass
class Site:
    """An institution with what the tests look for on its site and the other's."""

    institution: Institution
    category_name: str
    public_text: str
    published: Report
    registered: Report
    photo: Photo
    clerk: object
    api_key: str

    @property
    def host(self) -> str:
        return self.institution.domain


def _site(flow: Flow, institution, *, category_name, public_text, clerk) -> Site:
    category = CategoryFactory(institution=institution, name=category_name)
    RoutingRuleFactory(
        category=category,
        institution=institution,
        department=DepartmentFactory(institution=institution),
    )
    photo = flow.photo()
    published = flow.publish(
        flow.submit(category=category, photos=[photo]),
        text=public_text,
        public_photos=[photo],
        actor=clerk,
    )
    _key, key = issue_api_key(
        institution=institution, application="Aplicație", created_by=None
    )
    return Site(
        institution=institution,
        category_name=category_name,
        public_text=public_text,
        published=published,
        registered=flow.submit(category=category),
        photo=photo,
        clerk=clerk,
        api_key=key,
    )


@pytest.fixture
def cluj(institution, clerk, flow) -> Site:
    # Both on their own domains: no institution is the default.
    institution.domain = CLUJ
    institution.save()
    return _site(
        flow,
        institution,
        category_name="Gropi în Cluj",
        public_text="Groapă adâncă pe strada Clujului.",
        clerk=clerk,
    )


@pytest.fixture
def floresti(flow) -> Site:
    institution = InstitutionFactory(
        slug="floresti", name="Primăria Florești", domain=FLORESTI
    )
    clerk = MembershipFactory(institution=institution, role=Role.CLERK).user
    return _site(
        flow,
        institution,
        category_name="Iluminat în Florești",
        public_text="Stâlp de iluminat căzut în Florești.",
        clerk=clerk,
    )


@pytest.fixture(params=["cluj", "floresti"])
def sites(request, cluj, floresti) -> tuple[Site, Site]:
    """(this site, the other), both ways round."""
    if request.param == "cluj":
        return cluj, floresti
    return floresti, cluj


def get(client: Client, site: Site, url: str, **kwargs):
    return client.get(url, HTTP_HOST=site.host, **kwargs)


# Pages listing reports, and what they show of a report.
LISTS = [
    "home",
    "reports:list",
    "reports:feed-new",
    "public-statistics",
]


@pytest.mark.parametrize("name", LISTS)
def test_a_list_shows_only_its_institutions_reports(client, sites, name):
    this, other = sites

    response = get(client, this, reverse(name))

    content = response.content.decode()
    assert response.status_code == 200
    assert other.category_name not in content
    assert other.public_text not in content
    assert other.institution.name not in content


@pytest.mark.parametrize("name", ["reports:list", "reports:feed-new"])
def test_a_list_shows_its_own_reports(client, sites, name):
    this, _other = sites

    content = get(client, this, reverse(name)).content.decode()

    assert this.public_text in content


def test_the_map_data_holds_only_its_institutions_reports(client, sites):
    this, other = sites

    data = get(client, this, reverse("reports:map-data")).json()
    one = get(
        client, this, reverse("reports:map-data"), data={"report": other.published.pk}
    ).json()

    ids = {feature["properties"]["id"] for feature in data["features"]}
    assert ids == {this.published.pk}
    assert one["features"] == []


# Addresses of one report: each is the report's on its own site only.
REPORT_URLS = [
    lambda site: reverse("reports:detail", args=[site.published.pk]),
    lambda site: reverse("reports:feed-report", args=[site.published.pk]),
    lambda site: reverse("reports:photo", args=[site.photo.token, "image"]),
    lambda site: f"{API}requests/{site.published.pk}.json",
]
REPORT_URL_IDS = ["page", "feed", "photo", "open311"]


@pytest.mark.parametrize("url_of", REPORT_URLS, ids=REPORT_URL_IDS)
def test_a_report_of_the_other_institution_is_not_found(client, sites, url_of):
    this, other = sites

    own = get(client, this, url_of(this))
    foreign = get(client, this, url_of(other))

    assert own.status_code == 200
    assert foreign.status_code == 404


def test_a_citizen_follows_only_reports_of_the_site(client, sites, citizen):
    this, other = sites
    client.force_login(citizen)

    response = client.post(
        reverse("reports:follow", args=[other.published.pk]), HTTP_HOST=this.host
    )

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["reports:mine-detail", "reports:resolution-document"])
def test_the_author_sees_their_report_only_on_its_institutions_site(
    client, sites, citizen, name
):
    this, other = sites
    client.force_login(citizen)

    foreign = get(client, this, reverse(name, args=[other.registered.pk]))
    mine = get(client, this, reverse("reports:mine"))

    assert foreign.status_code == 404
    assert other.category_name not in mine.content.decode()
    assert this.category_name in mine.content.decode()


# Open311: the lists, and the API keys.
@pytest.mark.parametrize(
    "path", ["requests.json", "services.json", "discovery.json", "requests.xml"]
)
def test_open311_answers_only_for_its_institution(client, sites, path):
    this, other = sites

    response = get(client, this, API + path)

    content = response.content.decode()
    assert response.status_code == 200
    assert other.category_name not in content
    assert other.public_text not in content
    assert other.institution.name not in content


def test_open311_refuses_the_other_institutions_jurisdiction_id(client, sites):
    this, other = sites

    response = get(
        client,
        this,
        API + "requests.json",
        data={"jurisdiction_id": other.institution.slug},
    )

    assert response.status_code == 404
    [error] = response.json()
    assert error["code"] == 404
    assert error["description"].startswith("jurisdiction_id")


def _post_request(client: Client, site: Site, key: str, **fields):
    category = site.institution.categories.get()
    data = {
        "api_key": key,
        "service_code": str(category.pk),
        "lat": "46.7694",
        "long": "23.5899",
        "description": "Groapă adâncă pe carosabil, în dreptul numărului 12.",
        "email": "ana.ionescu@example.ro",
        **fields,
    }
    return client.post(API + "requests.json", data, HTTP_HOST=site.host)


def test_an_api_key_acts_only_for_its_institution(client, sites, citizen):
    this, other = sites
    before = Report.objects.count()

    foreign_key = _post_request(client, this, other.api_key)
    named = _post_request(
        client, this, other.api_key, jurisdiction_id=other.institution.slug
    )
    own = _post_request(client, this, this.api_key)

    assert foreign_key.status_code == 403
    assert foreign_key.json()[0]["code"] == 403
    assert named.status_code == 404
    assert own.status_code == 200
    report = Report.objects.get(pk=own.json()[0]["service_request_id"])
    assert report.institution == this.institution
    assert Report.objects.count() == before + 1


# Staff: the back office of each site is its own people's.
STAFF_PAGES = [
    lambda site: reverse("backoffice:home"),
    lambda site: reverse("backoffice:clerk-queue"),
    lambda site: reverse("backoffice:report", args=[site.registered.pk]),
    lambda site: reverse("dashboards:evolution"),
]
STAFF_PAGE_IDS = ["home", "clerk-queue", "report", "statistics"]


@pytest.mark.parametrize("url_of", STAFF_PAGES, ids=STAFF_PAGE_IDS)
def test_staff_of_the_other_institution_are_refused(client, sites, url_of):
    this, other = sites
    client.force_login(other.clerk)

    response = get(client, this, url_of(this))

    assert response.status_code == 403


def test_a_clerk_does_not_find_the_other_institutions_report(client, sites):
    this, other = sites
    client.force_login(this.clerk)

    foreign = get(
        client, this, reverse("backoffice:report", args=[other.registered.pk])
    )
    queue = get(client, this, reverse("backoffice:clerk-queue"))

    assert foreign.status_code == 404
    assert this.registered.registry_number in queue.content.decode()
    assert other.category_name not in queue.content.decode()


def test_a_login_on_the_other_site_opens_no_back_office(sites):
    this, other = sites
    client = Client()

    client.post(
        reverse("account_login"),
        {"login": other.clerk.email, "password": "parola-sigura-1"},
        HTTP_HOST=this.host,
    )
    response = get(client, this, reverse("backoffice:home"))

    assert response.status_code == 403


def test_unsubscribe_links_work_only_on_their_institutions_site(
    client, sites, other_citizen
):
    this, other = sites
    follow = follow_report(user=other_citizen, report=other.published)
    url = reverse("notifications:unsubscribe", args=[unsubscribe_token(follow)])

    foreign = client.post(url, HTTP_HOST=this.host)
    own = client.post(url, HTTP_HOST=other.host)

    assert foreign.status_code == 404
    assert own.status_code == 200
    assert not Follow.objects.exists()


def test_a_registry_calls_back_only_its_institutions_site(client, sites):
    this, other = sites
    url = reverse("registratura:callback", args=[other.institution.slug])

    response = client.post(url, b"{}", "application/json", HTTP_HOST=this.host)

    assert response.status_code == 404


# E-mails: links to the report's own site, from its own sender.
def test_an_institutions_emails_link_to_its_own_site(sites, settings):
    this, _other = sites

    email = OutgoingEmail.objects.filter(report=this.registered).first()

    assert email is not None
    assert f"http://{this.host}:8000/contul-meu/sesizari/" in email.body_text
    assert email.from_email == this.institution.email_sender


# The host: an address that is no institution's shows neither.
@pytest.mark.parametrize(
    "url", ["/", "/sesizari/", "/harta.json", "/sesizari/noi.atom", API]
)
def test_an_unknown_host_is_a_404_with_no_institution(client, cluj, floresti, url):
    response = client.get(url, HTTP_HOST="necunoscut.example.ro")

    content = response.content.decode()
    assert response.status_code == 404
    assert cluj.institution.name not in content
    assert floresti.institution.name not in content


def test_an_unknown_host_says_no_platform_is_served_there(client, cluj, floresti):
    response = client.get("/", HTTP_HOST="necunoscut.example.ro")

    assert 'id="no-institution"' in response.content.decode()


def test_a_user_of_one_institution_is_not_staff_on_the_other(sites):
    this, other = sites
    person = UserFactory()
    MembershipFactory(institution=other.institution, role=Role.ADMIN, user=person)
    client = Client()
    client.force_login(person)

    page = get(client, this, reverse("home"))

    assert reverse("backoffice:home") not in page.content.decode()


def test_an_unknown_host_gets_open311_s_own_not_found(client, cluj, floresti):
    response = client.get(API, HTTP_HOST="necunoscut.example.ro")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    [error] = response.json()
    assert error["code"] == 404 and "jurisdiction_id" in error["description"]
