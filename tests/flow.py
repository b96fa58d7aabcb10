"""Reports taken through their life by the personas of the root conftest.py.

Every step goes through reports.workflow. People are named by persona
("clerk", "other_citizen") and asked of pytest only when a step first needs
them, so a test makes only the people its reports meet. A user object may
stand in for a persona.
"""

from reports import workflow
from reports.models import Outcome, Photo, Report
from reports.photos import store_photo
from tests.factories import jpeg_upload, pdf_upload

# The citizen's words hold her name and phone; the clerk publishes a
# cleaned text, and only that may reach the public.
ORIGINAL = "Groapă mare în fața blocului, sunați-mă la 0744555666, Ana Ionescu."
PUBLIC = "Groapă mare în fața blocului nr. 5."
SUMMARY = "Asfaltarea străzii este programată."


class Flow:
    """Each step is done by its persona, asked of pytest when first needed."""

    def __init__(self, request):
        self._fixture = request.getfixturevalue

    def _person(self, who):
        return self._fixture(who) if isinstance(who, str) else who

    def photo(self, name="groapa.jpg", *, uploaded_by="citizen") -> Photo:
        """A draft photo: stored, not yet part of a report."""
        return store_photo(
            upload=jpeg_upload(name), uploaded_by=self._person(uploaded_by)
        )

    def submit(
        self,
        *,
        author="citizen",
        category=None,
        description=ORIGINAL,
        photos=(),
    ) -> Report:
        """Send a report; it comes back registered, with its number."""
        category = category or self._fixture("potholes")
        return workflow.submit_report(
            author=self._person(author),
            institution=category.institution,
            category=category,
            location=self._fixture("place"),
            description=description,
            address="Piața Unirii 1",
            photos=list(photos),
        )

    def publish(
        self, report, *, text=PUBLIC, public_photos=(), actor="clerk"
    ) -> Report:
        return workflow.publish_report(
            report=report,
            actor=self._person(actor),
            public_description=text,
            public_photos=list(public_photos),
        )

    def published(self, *, text=PUBLIC, public_photos=(), **submitted) -> Report:
        """Send a report and publish it; `submitted` goes to submit()."""
        report = self.submit(**submitted)
        return self.publish(report, text=text, public_photos=public_photos)

    def assign(self, report, *, actor="head") -> Report:
        return workflow.assign_report(
            report=report, actor=self._person(actor), assignee=self._fixture("staff")
        )

    def resolve(
        self,
        report,
        outcome=Outcome.FIXED,
        planned_for=None,
        *,
        actor="staff",
    ) -> Report:
        """Answer the report with a PDF; returns it read again, resolved."""
        workflow.issue_resolution(
            report=report,
            actor=self._person(actor),
            outcome=outcome,
            summary=SUMMARY,
            document=pdf_upload(),
            planned_for=planned_for,
        )
        return Report.objects.get(pk=report.pk)

    def reject(self, report) -> Report:
        return workflow.reject_report(
            report=report,
            actor=self._fixture("clerk"),
            reason="Nu este o sesizare, ci o întrebare.",
        )
