"""The Django admin: an institution's administrator sees only its own objects.

Cluj-Napoca and Florești, each on its own domain, each with one object of
every model the admin shows. Cluj's administrator, on Cluj's site, lists,
opens and adds only Cluj's; a superuser sees both.
"""

from collections.abc import Callable

import pytest
from django.contrib import admin
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.db import models
from django.test import Client
from django.urls import reverse

from accounts.models import User
from institutions.admin_site import InstitutionScopedAdmin
from institutions.models import Institution, Membership, Role, Street
from moderation.models import OffensiveWord
from notifications.models import InboundMailbox, OutgoingEmail
from open311.keys import issue_api_key
from registratura.models import RegisterCounter, RegistryConfig
from reports.models import Photo, Report, ResponseTemplate
from tests.factories import (
    CategoryFactory,
    DepartmentFactory,
    InstitutionFactory,
    MembershipFactory,
    RoutingRuleFactory,
    UserFactory,
)
from zones.models import Zone

CLUJ = "sesizari.cluj.example.ro"
FLORESTI = "sesizari.floresti.example.ro"
SQUARE = MultiPolygon(Polygon.from_bbox((23.58, 46.76, 23.60, 46.78)), srid=4326)


def _submitted(flow, institution: Institution) -> Report:
    category = CategoryFactory(institution=institution)
    RoutingRuleFactory(category=category, institution=institution)
    return flow.submit(category=category, photos=[flow.photo()])


# Each maker gives one object of the institution, for the admin to show.
MAKERS: dict[str, Callable[..., models.Model]] = {
    "institution": lambda institution, flow: institution,
    "department": lambda institution, flow: DepartmentFactory(institution=institution),
    "membership": lambda institution, flow: MembershipFactory(
        institution=institution, role=Role.VIEWER
    ),
    "category": lambda institution, flow: CategoryFactory(institution=institution),
    "routing rule": lambda institution, flow: RoutingRuleFactory(
        category=CategoryFactory(institution=institution), institution=institution
    ),
    "street": lambda institution, flow: Street.objects.create(
        institution=institution, name="Strada Memorandumului", location=Point(23, 46)
    ),
    "zone": lambda institution, flow: Zone.objects.create(
        institution=institution, name="Centru", area=SQUARE
    ),
    "api key": lambda institution, flow: issue_api_key(
        institution=institution, application="Aplicație", created_by=None
    )[0],
    "report": lambda institution, flow: _submitted(flow, institution),
    "photo": lambda institution, flow: Photo.objects.get(
        report=_submitted(flow, institution)
    ),
    "register counter": lambda institution, flow: RegisterCounter.objects.get(
        institution=_submitted(flow, institution).institution
    ),
    "outgoing e-mail": lambda institution, flow: OutgoingEmail.objects.get(
        report=_submitted(flow, institution)
    ),
    "response template": lambda institution, flow: ResponseTemplate.objects.create(
        institution=institution, title="Rezolvat", text="Am reparat."
    ),
    "registry config": lambda institution, flow: RegistryConfig.objects.create(
        institution=institution
    ),
    "inbound mailbox": lambda institution, flow: InboundMailbox.objects.create(
        institution=institution,
        purpose=InboundMailbox.Purpose.CITIZEN_REPLIES,
        host="127.0.0.1",
        username=f"raspunsuri@{institution.slug}.example.ro",
        password="parola",
    ),
    "offensive word": lambda institution, flow: OffensiveWord.objects.create(
        institution=institution, word=f"cuvant{institution.pk}", language="ro"
    ),
    "user": lambda institution, flow: (
        MembershipFactory(
            institution=institution,
            role=Role.STAFF,
            department=DepartmentFactory(institution=institution),
        ).user
    ),
}


@pytest.fixture
def cluj(institution) -> Institution:
    institution.domain = CLUJ
    institution.save()
    return institution


@pytest.fixture
def floresti(db) -> Institution:
    return InstitutionFactory(
        slug="floresti", name="Primăria Florești", domain=FLORESTI
    )


@pytest.fixture
def cluj_admin(cluj) -> User:
    return MembershipFactory(
        institution=cluj,
        role=Role.ADMIN,
        user=UserFactory(email="admin.cluj@example.ro"),
    ).user


def admin_client(user: User, host: str) -> Client:
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    return client


def _url(obj: models.Model, action: str, *args) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{action}", args=args)


@pytest.fixture(params=list(MAKERS), ids=list(MAKERS))
def objects(request, cluj, floresti, flow) -> tuple[models.Model, models.Model]:
    """One object of each institution, of the model the test is about."""
    make = MAKERS[request.param]
    return make(cluj, flow), make(floresti, flow)


def test_an_administrator_lists_only_their_institutions_objects(cluj_admin, objects):
    own, foreign = objects
    client = admin_client(cluj_admin, CLUJ)

    response = client.get(_url(own, "changelist"))

    content = response.content.decode()
    assert response.status_code == 200
    assert _url(own, "change", own.pk) in content
    assert _url(foreign, "change", foreign.pk) not in content
    assert "Primăria Florești" not in content


def test_an_administrator_cannot_open_another_institutions_object(cluj_admin, objects):
    own, foreign = objects
    client = admin_client(cluj_admin, CLUJ)

    opened = client.get(_url(own, "change", own.pk))
    refused = client.get(_url(foreign, "change", foreign.pk))

    assert opened.status_code == 200
    # The admin answers an object out of sight as one that does not exist.
    assert refused.status_code == 302
    assert refused["Location"] == reverse("admin:index")


def test_a_superuser_sees_both_institutions_objects(cluj, objects):
    own, foreign = objects
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client = admin_client(superuser, CLUJ)

    content = client.get(_url(own, "changelist")).content.decode()

    assert _url(own, "change", own.pk) in content
    assert _url(foreign, "change", foreign.pk) in content


def test_the_administrator_of_one_site_is_no_one_on_the_other(cluj_admin, floresti):
    client = admin_client(cluj_admin, FLORESTI)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# Adding: the choices are the institution's, and so is the new object.
ADDABLE = [
    "institutions_department",
    "institutions_category",
    "institutions_routingrule",
    "institutions_membership",
    "institutions_street",
    "zones_zone",
    "open311_apikey",
    "reports_responsetemplate",
    "registratura_registryconfig",
    "notifications_inboundmailbox",
    "moderation_offensiveword",
]


@pytest.mark.parametrize("name", ADDABLE)
def test_the_add_form_offers_only_the_institutions_choices(
    cluj_admin, cluj, floresti, name
):
    foreign_department = DepartmentFactory(institution=floresti, name="Direcția F")
    foreign_category = CategoryFactory(institution=floresti, name="Categoria F")
    client = admin_client(cluj_admin, CLUJ)

    response = client.get(reverse(f"admin:{name}_add"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Primăria Florești" not in content
    assert foreign_department.name not in content
    assert foreign_category.name not in content


def test_a_category_added_by_the_administrator_is_the_institutions(
    cluj_admin, cluj, floresti
):
    client = admin_client(cluj_admin, CLUJ)
    form = {
        "name": "Gropi",
        "colour": "#1d4e89",
        "position": "0",
        "duplicate_radius_m": "50",
        "is_active": "on",
        "routing_rule-TOTAL_FORMS": "0",
        "routing_rule-INITIAL_FORMS": "0",
    }

    refused = client.post(
        reverse("admin:institutions_category_add"),
        {**form, "institution": floresti.pk},
    )
    added = client.post(
        reverse("admin:institutions_category_add"), {**form, "institution": cluj.pk}
    )

    assert refused.status_code == 200
    assert added.status_code == 302
    assert [c.institution for c in cluj.categories.all()] == [cluj]
    assert not floresti.categories.exists()


def test_the_institution_form_starts_with_the_administrators_institution(
    cluj_admin, cluj
):
    client = admin_client(cluj_admin, CLUJ)

    response = client.get(reverse("admin:institutions_department_add"))

    assert f'<option value="{cluj.pk}" selected>' in response.content.decode()


def test_an_administrator_neither_adds_institutions_nor_moves_their_domain(
    cluj_admin, cluj
):
    client = admin_client(cluj_admin, CLUJ)

    add = client.get(reverse("admin:institutions_institution_add"))
    change = client.get(
        reverse("admin:institutions_institution_change", args=[cluj.pk])
    )

    assert add.status_code == 403
    assert 'name="domain"' not in change.content.decode()
    assert 'name="name"' in change.content.decode()


def test_an_administrator_cannot_make_anyone_a_superuser(cluj_admin, cluj):
    member = MAKERS["user"](cluj, None)
    client = admin_client(cluj_admin, CLUJ)

    client.post(
        reverse("admin:accounts_user_change", args=[member.pk]),
        {"email": member.email, "is_superuser": "on", "is_staff": "on"},
    )

    member.refresh_from_db()
    assert not member.is_superuser
    assert not member.is_staff


def test_a_new_staff_member_is_found_by_their_exact_address_only(
    cluj_admin, citizen, other_citizen
):
    client = admin_client(cluj_admin, CLUJ)
    url = reverse("admin:autocomplete")
    query = {
        "app_label": "institutions",
        "model_name": "membership",
        "field_name": "user",
    }

    exact = client.get(url, {**query, "term": citizen.email}).json()
    partial = client.get(url, {**query, "term": "example.ro"}).json()

    assert [item["id"] for item in exact["results"]] == [str(citizen.pk)]
    assert [item["id"] for item in partial["results"]] == [str(cluj_admin.pk)]


def test_an_administrator_adds_a_colleagues_account_then_gives_it_a_role(
    cluj_admin, cluj
):
    client = admin_client(cluj_admin, CLUJ)

    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "noul.coleg@example.ro",
            "full_name": "Noul Coleg",
            "phone": "",
            "password1": "o-parola-lunga-2026",
            "password2": "o-parola-lunga-2026",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )

    added = User.objects.get(email="noul.coleg@example.ro")
    role_url = reverse("admin:institutions_membership_add")
    assert response.status_code == 302
    assert response["Location"] == f"{role_url}?user={added.pk}"
    assert not added.is_superuser
    assert not added.is_staff
    assert added.check_password("o-parola-lunga-2026")
    role_form = client.get(response["Location"]).content.decode()
    assert f'<option value="{added.pk}" selected>Noul Coleg</option>' in role_form


# Every model admin is scoped, or kept to superusers on purpose.
# Django's permissions, which administrators are not given, keep them so.
SUPERUSERS_ONLY = {
    "auth.group",
    "account.emailaddress",
    "django_tasks_database.dbtaskresult",
}


@pytest.mark.parametrize(
    "model_admin",
    list(admin.site._registry.values()),
    ids=lambda model_admin: model_admin.model._meta.label_lower,
)
def test_every_model_admin_is_scoped_to_the_institution(model_admin):
    label = model_admin.model._meta.label_lower

    assert (
        isinstance(model_admin, InstitutionScopedAdmin)
        or label == "accounts.user"
        or label in SUPERUSERS_ONLY
    )


@pytest.mark.parametrize("label", sorted(SUPERUSERS_ONLY))
def test_an_administrator_does_not_see_the_superusers_models(cluj_admin, label):
    client = admin_client(cluj_admin, CLUJ)
    app_label, model_name = label.split(".")

    index = client.get(reverse("admin:index")).content.decode()
    changelist = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))

    assert f"/admin/{app_label}/{model_name}/" not in index
    assert changelist.status_code == 403


def test_memberships_are_the_institutions_only(cluj_admin, cluj, floresti):
    MembershipFactory(institution=floresti, role=Role.VIEWER)
    client = admin_client(cluj_admin, CLUJ)

    response = client.get(reverse("admin:institutions_membership_changelist"))

    shown = response.context["cl"].result_list
    assert {membership.institution for membership in shown} == {cluj}
    assert Membership.objects.filter(institution=floresti).exists()


# The index offers an "add" link only where the add page opens.
@pytest.mark.parametrize(
    "model_admin",
    list(admin.site._registry.values()),
    ids=lambda model_admin: model_admin.model._meta.label_lower,
)
def test_an_administrator_opens_every_add_page_the_index_offers(
    cluj_admin, model_admin
):
    meta = model_admin.model._meta
    add_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
    client = admin_client(cluj_admin, CLUJ)

    index = client.get(reverse("admin:index")).content.decode()
    response = client.get(add_url)

    if f'href="{add_url}"' in index:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
