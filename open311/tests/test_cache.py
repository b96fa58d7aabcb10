"""The lists of requests are kept a few seconds: many clients ask alike."""

from open311.tests.conftest import json_of, xml_of


def _ids(response):
    return [item["service_request_id"] for item in json_of(response)]


def test_a_list_asked_again_is_the_kept_answer(api, flow, settings):
    settings.OPEN311_CACHE_SECONDS = 60
    first = flow.published()
    before = _ids(api("requests.json"))

    flow.published()
    again = _ids(api("requests.json"))

    assert before == again == [first.pk]


def test_arguments_in_another_order_are_the_same_question(api, flow, settings):
    settings.OPEN311_CACHE_SECONDS = 60
    first = flow.published()
    api("requests.json?status=open&page_size=5")

    flow.published()
    reordered = _ids(api("requests.json?page_size=5&status=open"))
    other = _ids(api("requests.json?page_size=6&status=open"))

    assert reordered == [first.pk]
    assert len(other) == 2


def test_json_and_xml_are_kept_apart(api, flow, settings):
    settings.OPEN311_CACHE_SECONDS = 60
    flow.published()
    api("requests.json")

    xml = api("requests.xml")

    assert xml["Content-Type"] == "text/xml; charset=utf-8"
    assert xml_of(xml).tag == "service_requests"


def test_without_the_cache_every_answer_is_new(api, flow, settings):
    settings.OPEN311_CACHE_SECONDS = 0
    api("requests.json")

    flow.published()

    assert len(_ids(api("requests.json"))) == 1
