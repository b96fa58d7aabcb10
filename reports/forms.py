import math
from typing import Any, cast

from django import forms
from django.contrib.gis.geos import Point
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from institutions.models import Category, CategoryQuestion, Institution, QuestionKind
from moderation.text import normalize_text
from reports import answers, satisfaction
from reports.geocoding import institution_at, locate_address
from reports.workflow import DESCRIPTION_MAX_LENGTH, DESCRIPTION_MIN_LENGTH


class ReportForm(forms.Form):
    """What a citizen says about a problem: the photos travel separately.

    A valid form has a ``location``: the pin if one was placed, otherwise
    the typed address found by the geocoder. It must lie in the territory.
    It has ``answers`` too: those to the chosen category's extra questions,
    as reports.answers keeps them.
    """

    category: "forms.ModelChoiceField[Category]" = forms.ModelChoiceField(
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        label=gettext_lazy("Category"),
        error_messages={
            "required": gettext_lazy("Choose the category of the problem."),
            "invalid_choice": gettext_lazy("Choose one of the categories offered."),
        },
    )
    address = forms.CharField(
        label=gettext_lazy("Address or place"),
        max_length=250,
        required=False,
        help_text=gettext_lazy(
            "The street and number, or a landmark. Without a pin on the map, "
            "we look the address up for you."
        ),
    )
    latitude = forms.FloatField(
        required=False, min_value=-90, max_value=90, widget=forms.HiddenInput
    )
    longitude = forms.FloatField(
        required=False, min_value=-180, max_value=180, widget=forms.HiddenInput
    )
    # The address the pin was found for, when the server found it: a pin
    # the citizen did not place follows the address when it changes.
    geocoded_address = forms.CharField(required=False, widget=forms.HiddenInput)
    description = forms.CharField(
        label=gettext_lazy("Description"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": DESCRIPTION_MAX_LENGTH}),
        error_messages={"required": gettext_lazy("Describe the problem.")},
    )

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.institution = institution
        self.categories = institution.categories.filter(is_active=True)
        category = cast("forms.ModelChoiceField[Category]", self.fields["category"])
        category.queryset = self.categories
        self.questions: dict[int, list[CategoryQuestion]] = {}
        for question in CategoryQuestion.objects.filter(category__in=self.categories):
            self.questions.setdefault(question.category_id, []).append(question)
            self.fields[answers.field_name(question)] = answers.answer_field(question)

    def category_options(self) -> list[dict[str, Any]]:
        selected = str(self["category"].value() or "")
        return [
            {"category": category, "checked": str(category.pk) == selected}
            for category in self.categories
        ]

    def question_groups(self) -> list[dict[str, Any]]:
        """The questions of each category that has some, with what was sent."""
        groups = []
        for category in self.categories:
            questions = self.questions.get(category.pk, [])
            if questions:
                groups.append(
                    {
                        "category": category,
                        "questions": [self._question(q) for q in questions],
                    }
                )
        return groups

    def _question(self, question: CategoryQuestion) -> dict[str, Any]:
        field = self[answers.field_name(question)]
        value = field.value() or ([] if question.kind == QuestionKind.MULTIPLE else "")
        return {
            "question": question,
            "name": field.html_name,
            "id": f"id_{field.html_name}",
            "value": value,
            "errors": field.errors,
        }

    def answer_inputs(self) -> list[tuple[str, str]]:
        """The chosen category's answers as sent: the preview's hidden fields."""
        category = self.cleaned_data.get("category")
        inputs = []
        for question in self.questions.get(category.pk, []) if category else []:
            name = answers.field_name(question)
            raw = self.cleaned_data.get(name)
            for value in raw if isinstance(raw, list) else [raw]:
                if value:
                    inputs.append((name, value))
        return inputs

    def carried_location(self) -> dict[str, Any]:
        """The location fields for the next post: the place found, if any."""
        raw = {
            name: self[name].value() or ""
            for name in ("latitude", "longitude", "geocoded_address")
        }
        if not self.is_bound or "address" in self.errors:
            return raw
        location = self.cleaned_data.get("location")
        if location is None:
            return raw
        return {
            "latitude": f"{location.y:.6f}",
            "longitude": f"{location.x:.6f}",
            "geocoded_address": self.cleaned_data.get("geocoded_address", ""),
        }

    def pin(self) -> tuple[float, float] | None:
        carried = self.carried_location()
        try:
            pin = float(carried["latitude"]), float(carried["longitude"])
        except ValueError:
            return None
        return pin if all(math.isfinite(value) for value in pin) else None

    def clean_description(self) -> str:
        text = normalize_text(self.cleaned_data["description"])
        if not DESCRIPTION_MIN_LENGTH <= len(text) <= DESCRIPTION_MAX_LENGTH:
            raise forms.ValidationError(
                _("The description must have between %(min)s and %(max)s characters.")
                % {"min": DESCRIPTION_MIN_LENGTH, "max": DESCRIPTION_MAX_LENGTH}
            )
        return text

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        cleaned["answers"] = self._answers(cleaned.get("category"))
        if "latitude" in self.errors or "longitude" in self.errors:
            return cleaned

        location = self._location(cleaned)
        if location is None:
            return cleaned
        if not self.institution.contains(location):
            self.add_error("address", self._outside_message(location))
            return cleaned
        cleaned["location"] = location
        return cleaned

    def _answers(self, category: Category | None) -> list[answers.Answer]:
        # Only the chosen category's questions count: what the others'
        # fields hold was typed before the citizen changed their mind.
        kept = []
        for question in self.questions.get(category.pk, []) if category else []:
            name = answers.field_name(question)
            try:
                answer = answers.check_answer(question, self.cleaned_data[name])
            except forms.ValidationError as error:
                self.add_error(name, error)
                continue
            if answer is not None:
                kept.append(answer)
        return kept

    def _location(self, cleaned: dict[str, Any]) -> Point | None:
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        address = cleaned.get("address", "")
        geocoded = cleaned.get("geocoded_address", "")
        stale = bool(geocoded) and geocoded != address
        if latitude is not None and longitude is not None and not stale:
            return Point(longitude, latitude, srid=4326)

        if not address:
            self.add_error(
                "address",
                _("Type the address of the problem or place the pin on the map."),
            )
            return None
        place = locate_address(institution=self.institution, address=address)
        if place is None:
            self.add_error(
                "address",
                _(
                    "We could not find this address in %(name)s. Check it, or "
                    "place the pin on the map."
                )
                % {"name": self.institution.name},
            )
            return None
        cleaned["geocoded_address"] = address
        return place.point

    def _outside_message(self, location: Point) -> str:
        """The refusal, with a link to the neighbour's site when it is here."""
        message = _("The place is outside the territory of %(name)s.") % {
            "name": self.institution.name
        }
        neighbour = institution_at(location, other_than=self.institution)
        if neighbour is None:
            return message
        # A link to the neighbour's own form, on its own site.
        link = format_html(
            '<a href="{}">{}</a>',
            neighbour.site_url + reverse("reports:new"),
            neighbour.name,
        )
        suggestion = conditional_escape(_("Report it to %(name)s.")) % {"name": link}
        # Both parts are escaped above: the translation and the link's text.
        return format_html("{} {}", message, mark_safe(suggestion))


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your message to the institution"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("The institution's staff read it; it is not public."),
    )


class NotSolvedForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("What is still wrong?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        min_length=satisfaction.REASON_MIN_LENGTH,
        max_length=2000,
        help_text=gettext_lazy(
            "The institution's staff read it and work on the report again; "
            "it is not public."
        ),
    )
