"""Reports taken through the workflow by the personas, for the public side."""

from reports import workflow
from reports.models import Outcome, Report
from tests.factories import pdf_upload

# The citizen's words hold her name and phone; the clerk publishes a
# cleaned text, and only that may reach the public.
ORIGINAL = "Groapă mare în fața blocului, sunați-mă la 0744555666, Ana Ionescu."
PUBLIC = "Groapă mare în fața blocului nr. 5."
SUMMARY = "Asfaltarea străzii este programată."


class Flow:
    """Each step is done by its persona, asked of pytest when first needed."""

    def __init__(self, request):
        self.persona = request.getfixturevalue

    def submit(self, *, category=None, location=None, photos=(), **fields):
        category = category or self.persona("potholes")
        return workflow.submit_report(
            author=self.persona("citizen"),
            institution=category.institution,
            category=category,
            location=location or self.persona("place"),
            description=fields.pop("description", ORIGINAL),
            address=fields.pop("address", "Piața Unirii 1"),
            photos=list(photos),
        )

    def publish(self, report, *, public_photos=(), text=PUBLIC) -> Report:
        return workflow.publish_report(
            report=report,
            actor=self.persona("clerk"),
            public_description=text,
            public_photos=list(public_photos),
        )

    def published(self, **fields) -> Report:
        return self.publish(self.submit(**fields))

    def assign(self, report) -> Report:
        return workflow.assign_report(
            report=report, actor=self.persona("head"), assignee=self.persona("staff")
        )

    def resolve(self, report, outcome=Outcome.FIXED, planned_for=None) -> Report:
        workflow.issue_resolution(
            report=report,
            actor=self.persona("staff"),
            outcome=outcome,
            summary=SUMMARY,
            document=pdf_upload(),
            planned_for=planned_for,
        )
        return Report.objects.get(pk=report.pk)

    def reject(self, report) -> Report:
        return workflow.reject_report(
            report=report,
            actor=self.persona("clerk"),
            reason="Nu este o sesizare, ci o întrebare.",
        )
