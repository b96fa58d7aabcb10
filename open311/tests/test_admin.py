import hashlib
import re

from open311.keys import valid_api_key
from open311.models import ApiKey


def test_an_admin_issues_a_key_shown_once_and_stored_hashed(admin_client, institution):
    response = admin_client.post(
        "/admin/open311/apikey/add/",
        {"institution": institution.pk, "application": "Harta Cartierului"},
        follow=True,
    )

    api_key = ApiKey.objects.get()
    shown = re.search(
        rf"({re.escape(api_key.prefix)}[\w-]+)", response.content.decode()
    )
    key = shown.group(1)
    assert api_key.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in api_key.key_hash + api_key.prefix + str(api_key)
    assert valid_api_key(key, institution) == api_key
    assert key not in admin_client.get("/admin/open311/apikey/").content.decode()


def test_a_key_works_only_for_its_institution_and_while_active(institution):
    from open311.keys import issue_api_key
    from tests.factories import InstitutionFactory

    api_key, key = issue_api_key(
        institution=institution, application="App", created_by=None
    )
    other = InstitutionFactory(slug="floresti")

    assert valid_api_key(key, other) is None
    altered = key[:-1] + ("y" if key.endswith("x") else "x")
    assert valid_api_key(altered, institution) is None
    api_key.is_active = False
    api_key.save()
    assert valid_api_key(key, institution) is None
