from datetime import timedelta

import jsonschema
from django.utils import timezone

from open311.tests import schemas
from open311.tests.conftest import json_of, xml_of
from reports import workflow
from reports.models import Event, EventKind, Outcome


def test_updates_list_the_public_status_changes_oldest_first(
    api, flow, resolved_report
):
    planned = flow.published()
    flow.resolve(
        flow.assign(planned),
        Outcome.PLANNED,
        planned_for=timezone.localdate() + timedelta(days=40),
    )
    flow.submit()

    data = json_of(api("servicerequestupdates.json"))

    jsonschema.validate(data, schemas.UPDATES)
    assert [(u["service_request_id"], u["status"]) for u in data] == [
        (resolved_report.pk, "open"),
        (resolved_report.pk, "fixed"),
        (planned.pk, "open"),
        (planned.pk, "action_scheduled"),
    ]
    published = Event.objects.get(report=planned, kind=EventKind.PUBLISHED)
    assert data[2]["update_id"] == published.pk
    assert data[2]["description"] == published.text
    assert "Direcția Tehnică" in published.text


def test_updates_leave_out_assignments_which_name_a_person(api, assigned_report, staff):
    response = api("servicerequestupdates.json")

    assert [u["status"] for u in json_of(response)] == ["open"]
    assert staff.full_name.encode() not in response.content


def test_updates_xml_follows_the_fixmystreet_extension(api, resolved_report):
    root = xml_of(api("servicerequestupdates.xml"))

    assert root.tag == "service_requests_updates"
    updates = root.findall("request_update")
    assert len(updates) == 2
    assert [child.tag for child in updates[0]] == list(schemas.UPDATE_FIELDS)


def test_updates_since_a_date(api, resolved_report):
    later = (timezone.now() + timedelta(minutes=1)).isoformat()

    assert json_of(api("servicerequestupdates.json", start_date=later)) == []


def test_each_answer_of_a_reopened_report_keeps_its_own_state(
    api, flow, resolved_report
):
    reopened = workflow.reopen_report(
        report=resolved_report,
        resolution=resolved_report.resolution,
        author=resolved_report.author,
        text="Groapa a fost doar acoperită cu pietriș.",
    )
    flow.resolve(
        reopened, Outcome.PLANNED, planned_for=timezone.localdate() + timedelta(days=9)
    )

    data = json_of(api("servicerequestupdates.json"))

    assert [u["status"] for u in data] == [
        "open",
        "fixed",
        "in_progress",
        "action_scheduled",
    ]
