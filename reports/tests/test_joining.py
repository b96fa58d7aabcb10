import pytest
from django.core import mail

from reports.joining import join_reports
from reports.models import EventKind, Report, Status, Visibility
from reports.workflow import WorkflowError
from tests.factories import CategoryFactory, InstitutionFactory, UserFactory


def test_join_closes_the_others_and_tells_their_citizens(
    flow, clerk, citizen, other_citizen
):
    main = flow.published()
    other = flow.submit(author=other_citizen)
    mail.outbox.clear()

    join_reports(main=main, others=[other], actor=clerk, reason="Aceeași groapă.")

    other.refresh_from_db()
    assert other.status == Status.JOINED
    assert other.joined_into == main
    joined_event = other.events.get(kind=EventKind.JOINED)
    assert joined_event.visibility == Visibility.CITIZEN
    assert main.registry_number in joined_event.text
    assert main.events.get(kind=EventKind.JOINED).visibility == Visibility.INTERNAL
    [message] = mail.outbox
    assert message.to == [other_citizen.email]
    assert main.registry_number in message.body
    assert not Report.objects.public().filter(pk=other.pk).exists()


def test_join_then_resolve_sends_the_answer_to_every_reporter(
    flow, clerk, citizen, other_citizen
):
    main = flow.published()
    other = flow.published(author=other_citizen)
    join_reports(main=main, others=[other], actor=clerk)
    mail.outbox.clear()

    main = flow.resolve(flow.assign(main))

    to_main, to_other = mail.outbox
    assert to_main.to == [citizen.email]
    assert to_other.to == [other_citizen.email]
    for message in (to_main, to_other):
        [(name, content, mimetype)] = message.attachments
        assert name == f"raspuns-{main.pk}.pdf"
        assert content.startswith(b"%PDF")
        assert mimetype == "application/pdf"
    assert main.resolution.summary in to_other.body
    assert main.registry_number in to_other.body


def test_join_moves_reports_joined_earlier_to_the_new_main(flow, clerk, other_citizen):
    main, middle = flow.submit(), flow.submit(author=other_citizen)
    earliest = flow.submit(author=UserFactory())
    join_reports(main=middle, others=[earliest], actor=clerk)

    join_reports(main=main, others=[middle], actor=clerk)

    earliest.refresh_from_db()
    assert earliest.joined_into == main
    assert set(main.joined_reports.all()) == {middle, earliest}


def test_join_refuses_a_report_of_another_institution(flow, clerk, other_citizen):
    main = flow.submit()
    county = InstitutionFactory(slug="cj-cluj", name="Consiliul Județean Cluj")
    elsewhere = flow.submit(
        author=other_citizen, category=CategoryFactory(institution=county)
    )

    with pytest.raises(WorkflowError):
        join_reports(main=main, others=[elsewhere], actor=clerk)

    elsewhere.refresh_from_db()
    assert elsewhere.status == Status.REGISTERED


def test_join_refuses_a_resolved_report(flow, clerk, resolved_report, other_citizen):
    main = flow.submit(author=other_citizen)

    with pytest.raises(WorkflowError):
        join_reports(main=main, others=[resolved_report], actor=clerk)

    resolved_report.refresh_from_db()
    assert resolved_report.status == Status.RESOLVED
    assert resolved_report.joined_into is None


def test_join_refuses_a_resolved_main_report(
    flow, clerk, resolved_report, other_citizen
):
    other = flow.submit(author=other_citizen)

    with pytest.raises(WorkflowError):
        join_reports(main=resolved_report, others=[other], actor=clerk)

    other.refresh_from_db()
    assert other.status == Status.REGISTERED


def test_join_refuses_a_report_joined_already(flow, clerk, other_citizen):
    main, other = flow.submit(), flow.submit(author=other_citizen)
    join_reports(main=main, others=[other], actor=clerk)
    second_main = flow.submit(author=UserFactory())

    with pytest.raises(WorkflowError):
        join_reports(main=second_main, others=[other], actor=clerk)

    other.refresh_from_db()
    assert other.joined_into == main


def test_join_is_refused_to_a_department_head(flow, head, other_citizen):
    main, other = flow.submit(), flow.submit(author=other_citizen)

    with pytest.raises(WorkflowError):
        join_reports(main=main, others=[other], actor=head)

    other.refresh_from_db()
    assert other.status == Status.REGISTERED
