import pytest
from django.core import mail
from django.urls import reverse

from reports.models import Outcome, Status
from tests.factories import pdf_upload


@pytest.mark.mainflow
def test_report_goes_from_clerk_to_head_to_staff_and_is_answered(
    client, clerk, head, staff, registered_report
):
    page = reverse("backoffice:report", args=[registered_report.pk])
    mail.outbox.clear()

    client.force_login(clerk)
    queue = client.get(reverse("backoffice:clerk-queue"))
    published = client.post(
        reverse("backoffice:report-publish", args=[registered_report.pk]),
        {
            "public_description": "Groapă mare în asfalt.",
            "category": registered_report.category_id,
        },
        follow=True,
    )

    client.force_login(head)
    to_assign = client.get(reverse("backoffice:department-queue"))
    client.post(
        reverse("backoffice:report-assign", args=[registered_report.pk]),
        {"assignee": staff.pk},
    )

    client.force_login(staff)
    my_work = client.get(reverse("backoffice:my-work"))
    resolved = client.post(
        reverse("backoffice:report-resolve", args=[registered_report.pk]),
        {
            "outcome": Outcome.FIXED,
            "summary": "Groapa a fost astupată.",
            "document": pdf_upload(),
        },
    )

    assert [r.pk for r in queue.context["page"]] == [registered_report.pk]
    assert published.redirect_chain == [(page, 302)]
    assert [r.pk for r in to_assign.context["to_assign"]] == [registered_report.pk]
    assert [r.pk for r in my_work.context["page"]] == [registered_report.pk]
    assert resolved["Location"] == page
    registered_report.refresh_from_db()
    assert registered_report.status == Status.RESOLVED
    assert registered_report.department.name == "Direcția Tehnică"
    assert registered_report.assignee == staff
    assert registered_report.public_description == "Groapă mare în asfalt."
    assert registered_report.pin_state == "resolved"
    assert [message.to for message in mail.outbox] == [["ana.ionescu@example.ro"]] * 2
    assert mail.outbox[-1].attachments[0][1].startswith(b"%PDF-")
