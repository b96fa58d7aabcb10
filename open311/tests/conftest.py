from xml.etree import ElementTree

import pytest

from open311.keys import issue_api_key

API = "/open311/v2/"


@pytest.fixture
def api_key(institution):
    _key, key = issue_api_key(
        institution=institution, application="Aplicația Test", created_by=None
    )
    return key


@pytest.fixture
def api(client):
    """GET an endpoint of the API: api("requests.json", status="open")."""

    def get(path, **query):
        return client.get(API + path, query)

    return get


def xml_of(response) -> ElementTree.Element:
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return ElementTree.fromstring(response.content)


def json_of(response):
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()
