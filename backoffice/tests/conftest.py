"""Reports in each state of their life, made through the workflow."""

import pytest

from reports import workflow
from reports.photos import store_photo
from tests.factories import jpeg_upload


@pytest.fixture
def submit(citizen, institution, potholes, place):
    """Send a report as the citizen; returns it registered."""

    def submit(*, category=potholes, photos=(), **fields):
        fields.setdefault(
            "description", "Groapă mare în asfalt în fața blocului nr. 5."
        )
        return workflow.submit_report(
            author=citizen,
            institution=institution,
            category=category,
            location=place,
            address=fields.pop("address", "Piața Unirii 1"),
            photos=list(photos),
            **fields,
        )

    return submit


@pytest.fixture
def photos(citizen):
    return [
        store_photo(upload=jpeg_upload("groapa.jpg"), uploaded_by=citizen),
        store_photo(upload=jpeg_upload("numar-masina.jpg"), uploaded_by=citizen),
    ]


@pytest.fixture
def registered(submit):
    return submit()


@pytest.fixture
def published(registered, clerk):
    return workflow.publish_report(
        report=registered,
        actor=clerk,
        public_description=registered.description,
        public_photos=[],
    )


@pytest.fixture
def assigned(published, head, staff):
    return workflow.assign_report(report=published, actor=head, assignee=staff)


@pytest.fixture
def publish(submit, clerk):
    """Send and publish a report; returns it routed to its department."""

    def publish(**fields):
        report = submit(**fields)
        return workflow.publish_report(
            report=report,
            actor=clerk,
            public_description=report.description,
            public_photos=[],
        )

    return publish
