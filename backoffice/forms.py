"""The forms of the back office: what a clerk, a head or a staff member sends.

They read and check the input; the workflow operations decide whether the
action is allowed.
"""

from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from institutions import roles
from institutions.models import Category, Department
from reports.legal_clock import EXTENSION_MAX_DAYS
from reports.models import Outcome, Photo, Report
from reports.workflow import route_for

PDF_SIGNATURE = b"%PDF-"


class PhotoChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Photo) -> str:
        return obj.original_name or gettext("Photo %(position)s") % {
            "position": obj.position + 1
        }


class PublishForm(forms.Form):
    public_description = forms.CharField(
        label=_("Public text"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What the public reads. Remove personal data and offensive words; "
            "the citizen's original text is kept for staff."
        ),
    )
    public_photos = PhotoChoiceField(
        label=_("Public photos"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick the photos that show people, plates or private places."),
    )
    category: "forms.ModelChoiceField[Category]" = forms.ModelChoiceField(
        label=_("Category"), queryset=None, empty_label=None
    )
    department: "forms.ModelChoiceField[Department]" = forms.ModelChoiceField(
        label=_("Send to"),
        queryset=None,
        required=False,
        help_text=_("Choose a department only to override the routing table."),
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        photos = report.photos.all()
        kwargs.setdefault(
            "initial",
            {
                "public_description": report.public_description,
                # A photo the registry hid starts unticked.
                "public_photos": photos.filter(hidden=False),
                "category": report.category,
            },
        )
        super().__init__(*args, **kwargs)

        public_photos = cast(PhotoChoiceField, self.fields["public_photos"])
        category = cast("forms.ModelChoiceField[Category]", self.fields["category"])
        department = cast(
            "forms.ModelChoiceField[Department]", self.fields["department"]
        )
        public_photos.queryset = photos
        category.queryset = Category.objects.filter(
            institution_id=report.institution_id, is_active=True
        ) | Category.objects.filter(pk=report.category_id)
        department.queryset = Department.objects.filter(
            institution_id=report.institution_id, is_active=True
        )

        routed = route_for(report.category)
        if routed is None:
            department.empty_label = gettext(
                "As the routing table says (no department: choose one)"
            )
        else:
            department.empty_label = gettext("As the routing table says (%(name)s)") % {
                "name": routed.name
            }


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The citizen receives this text by e-mail."),
    )


class AssignForm(forms.Form):
    assignee: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Assign to"), queryset=None
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        if report.assignee_id:
            kwargs.setdefault("initial", {"assignee": report.assignee_id})
        super().__init__(*args, **kwargs)
        assignee = cast("forms.ModelChoiceField[User]", self.fields["assignee"])
        assignee.queryset = roles.department_members(report.department)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by staff only, never by the citizen or the public."),
    )


class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the citizen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The citizen gets it by e-mail and on the report's page."),
    )
    public = forms.BooleanField(
        label=_("Also show it on the public page of the report"),
        required=False,
        help_text=_("Leave it off for anything about the citizen in person."),
    )


class ResolutionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    planned_for = forms.DateField(
        label=_("Planned for"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Required when the outcome is “planned”."),
    )
    summary = forms.CharField(
        label=_("Public summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the public page of the report."),
    )
    document = forms.FileField(
        label=_("Answer document (PDF)"),
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = gettext(
            "Required: the signed answer, as a PDF file of at most %(size)s."
        ) % {"size": filesizeformat(settings.DOCUMENT_MAX_BYTES)}

    def clean_document(self) -> UploadedFile:
        document = self.cleaned_data["document"]
        if document.size > settings.DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("The document is larger than %(size)s."),
                params={"size": filesizeformat(settings.DOCUMENT_MAX_BYTES)},
                code="too_large",
            )

        # The content decides, not the name or the browser's content type.
        document.seek(0)
        signature = document.read(len(PDF_SIGNATURE))
        document.seek(0)
        if signature != PDF_SIGNATURE:
            raise forms.ValidationError(
                _("The document is not a PDF file."), code="not_pdf"
            )

        # The stored name keeps nothing of the uploaded one.
        document.name = "raspuns.pdf"
        return document

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("outcome") == Outcome.PLANNED and not cleaned.get("planned_for"):
            self.add_error(
                "planned_for", _("Give the date by which the work is planned.")
            )
        return cleaned


class ExtendForm(forms.Form):
    days = forms.IntegerField(
        label=_("Extend by (calendar days)"),
        min_value=1,
        max_value=EXTENSION_MAX_DAYS,
    )
    reason = forms.CharField(
        label=_("Reason for the extension"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The citizen receives this text by e-mail."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["days"].help_text = gettext(
            "At most %(max)s days, once per report (OG 27/2002 art. 9). A term "
            "that ends on a non-working day moves to the next working day."
        ) % {"max": EXTENSION_MAX_DAYS}


class InstitutionCategoryField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Category) -> str:
        return f"{obj.institution.name} – {obj.name}"


class ForwardForm(forms.Form):
    """Where a report goes when another institution is competent."""

    reason = forms.CharField(
        label=_("Why the other institution is competent"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The citizen receives this text by e-mail."),
    )
    category: "forms.ModelChoiceField[Category]" = InstitutionCategoryField(
        label=_("Institution on the platform, and its category"),
        queryset=None,
        required=False,
        empty_label=_("Not on the platform: send by e-mail"),
        help_text=_("The report is registered there anew, with its own term."),
    )
    to_name = forms.CharField(
        label=_("Name of the competent institution"), max_length=200, required=False
    )
    to_email = forms.EmailField(
        label=_("Its e-mail address"),
        required=False,
        help_text=_("The report goes there with its photos."),
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category = cast("forms.ModelChoiceField[Category]", self.fields["category"])
        category.queryset = (
            Category.objects.filter(is_active=True)
            .exclude(institution_id=report.institution_id)
            .select_related("institution")
            .order_by("institution__name", "position", "name")
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        on_platform = cleaned.get("category") is not None
        by_email = bool(cleaned.get("to_email"))
        if on_platform == by_email and "to_email" not in self.errors:
            raise forms.ValidationError(
                _(
                    "Choose an institution on the platform, or give the name and "
                    "e-mail address of the competent institution: one of the two."
                ),
                code="one_destination",
            )
        if by_email and not cleaned.get("to_name"):
            self.add_error("to_name", _("Give the name of the competent institution."))
        return cleaned


class JoinedReportField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Report) -> str:
        return gettext("Report %(number)s – %(category)s, %(status)s") % {
            "number": obj.registry_number or obj.pk,
            "category": obj.category.name,
            "status": obj.get_status_display().lower(),
        }


class JoinForm(forms.Form):
    """The reports to join into this one: possible duplicates, or by number."""

    others: "forms.ModelMultipleChoiceField[Report]" = JoinedReportField(
        label=_("Possible duplicates"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    numbers = forms.CharField(
        label=_("Other registry numbers"),
        required=False,
        help_text=_("Separated by commas, for example 12/2026, 15/2026."),
    )
    reason = forms.CharField(
        label=_("Note to the citizens of the joined reports"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(
        self, *args: Any, report: Report, candidates: list[Report], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.report = report
        others = cast("forms.ModelMultipleChoiceField[Report]", self.fields["others"])
        others.queryset = Report.objects.filter(
            pk__in=[candidate.pk for candidate in candidates]
        ).select_related("category")

    def clean_numbers(self) -> list[Report]:
        numbers = [
            number.strip()
            for number in self.cleaned_data["numbers"].split(",")
            if number.strip()
        ]
        found = Report.objects.filter(
            institution_id=self.report.institution_id, registry_number__in=numbers
        )
        missing = set(numbers) - {report.registry_number for report in found}
        if missing:
            raise forms.ValidationError(
                _("No report of the institution has the number %(numbers)s."),
                params={"numbers": ", ".join(sorted(missing))},
                code="unknown_number",
            )
        return list(found)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        reports = {report.pk: report for report in cleaned.get("others") or []}
        reports.update({report.pk: report for report in cleaned.get("numbers") or []})
        cleaned["reports"] = list(reports.values())
        if not reports and not self.errors:
            raise forms.ValidationError(
                _("Choose the reports to join into this one."), code="empty"
            )
        return cleaned
