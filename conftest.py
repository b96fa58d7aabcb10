"""Personas shared by every test: one institution and the people in it.

Reports in each state of their life are made by tests.flow.Flow, through
the `flow` fixture and the state fixtures built on it below.
"""

import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.contrib.gis.geos import Point
from django.core.cache import cache

from institutions.models import Role
from tests.factories import (
    CategoryFactory,
    DepartmentFactory,
    InstitutionFactory,
    MembershipFactory,
    RoutingRuleFactory,
    UserFactory,
)
from tests.flow import Flow
from tests.imap import LocalImapServer
from tests.smtp import LocalMailServer
from zones.models import Zone
from zones.operations import import_zones
from zones.tests.geojson import two_zones

SHARED_DATA = Path(__file__).resolve().parent.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _institution_hosts(settings):
    # The factories' institutions are on domains under example.ro; the
    # deployment lists its institutions' domains in SESIZARI_ALLOWED_HOSTS.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".example.ro"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # allauth's rate limits live in the cache: a test must not inherit them.
    cache.clear()


@pytest.fixture
def no_report_limits(settings):
    """Lift the limits on reports per account (accounts.limits).

    For tests that need more reports from one citizen than an hour allows.
    """
    settings.REPORTS_PER_HOUR = 0
    settings.REPORTS_PER_DAY = 0


@pytest.fixture
def shared_data() -> Path:
    """The shared test data, or a skip saying it is missing."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the shared test data is not at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def institution(db):
    """The deployment's default institution: no domain, on any other host."""
    return InstitutionFactory(slug="cluj-napoca", domain="")


@pytest.fixture
def roads(institution):
    return DepartmentFactory(institution=institution, name="Direcția Tehnică")


@pytest.fixture
def green_spaces(institution):
    return DepartmentFactory(
        institution=institution, name="Direcția Ecologie Urbană și Spații Verzi"
    )


@pytest.fixture
def potholes(institution, roads):
    category = CategoryFactory(
        institution=institution, name="Străzi/Alei/Trotuare/Poduri"
    )
    RoutingRuleFactory(category=category, institution=institution, department=roads)
    return category


@pytest.fixture
def parks(institution, green_spaces):
    category = CategoryFactory(institution=institution, name="Spații verzi/Parcuri")
    RoutingRuleFactory(
        category=category, institution=institution, department=green_spaces
    )
    return category


@pytest.fixture
def citizen(db):
    return UserFactory(
        email="ana.ionescu@example.ro", full_name="Ana Ionescu", phone="+40744555666"
    )


@pytest.fixture
def other_citizen(db):
    return UserFactory(email="mihai.pop@example.ro", full_name="Mihai Pop")


@pytest.fixture
def clerk(institution):
    return MembershipFactory(
        institution=institution,
        role=Role.CLERK,
        user=UserFactory(email="registratura@example.ro", full_name="Elena Clerk"),
    ).user


@pytest.fixture
def head(institution, roads):
    return MembershipFactory(
        institution=institution,
        role=Role.HEAD,
        department=roads,
        user=UserFactory(email="sef.tehnic@example.ro", full_name="Radu Șef"),
    ).user


@pytest.fixture
def staff(institution, roads):
    return MembershipFactory(
        institution=institution,
        role=Role.STAFF,
        department=roads,
        user=UserFactory(email="responsabil@example.ro", full_name="Dan Tehnic"),
    ).user


@pytest.fixture
def green_head(institution, green_spaces):
    return MembershipFactory(
        institution=institution,
        role=Role.HEAD,
        department=green_spaces,
        user=UserFactory(email="sef.verde@example.ro", full_name="Maria Verde"),
    ).user


@pytest.fixture
def viewer(institution):
    """The institution's management: a member in no department."""
    return MembershipFactory(
        institution=institution,
        role=Role.VIEWER,
        user=UserFactory(email="conducere@example.ro", full_name="Ioan Conducere"),
    ).user


@pytest.fixture
def place() -> Point:
    """Piața Unirii, inside the territory."""
    return Point(23.5899, 46.7694, srid=4326)


@pytest.fixture
def flow(request, db) -> Flow:
    return Flow(request)


@pytest.fixture
def two_photos(flow):
    """Two draft photos of the citizen: the pothole, then a car's number plate."""
    return [flow.photo("groapa.jpg"), flow.photo("numar-masina.jpg")]


@pytest.fixture
def registered_report(flow):
    return flow.submit()


@pytest.fixture
def published_report(flow, registered_report):
    return flow.publish(registered_report)


@pytest.fixture
def assigned_report(flow, published_report):
    return flow.assign(published_report)


@pytest.fixture
def resolved_report(flow, assigned_report):
    return flow.resolve(assigned_report)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server(settings):
    """A real SMTP server on 127.0.0.1; tasks wait for the database worker."""
    server = LocalMailServer()
    controller = Controller(server, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield server
    controller.stop()


@pytest.fixture
def zones(institution):
    """Two zones of the institution, Centru and Mănăștur, by name."""
    import_zones(
        institution=institution,
        data=two_zones(),
        name_property="name",
        kind="neighbourhood",
        replace=True,
    )
    return {zone.name: zone for zone in Zone.objects.filter(institution=institution)}


@pytest.fixture
def imap_server():
    """A real IMAP server on 127.0.0.1 (pymap, in memory), with one mailbox."""
    server = LocalImapServer(port=_free_port())
    yield server
    server.stop()
