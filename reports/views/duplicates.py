"""Possible duplicates while reporting, and following a report instead."""

from typing import Any, cast

from allauth.account.utils import has_verified_email
from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.gis.geos import Point
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from institutions.middleware import InstitutionRequest, require_institution
from institutions.models import Category, Institution
from institutions.translations import translated
from notifications.following import FollowError, follow_report
from reports.duplicates import NearbyReport, nearby_open_reports
from reports.mapdata import EXCERPT_LENGTH, thumbnail_url
from reports.models import Report


class NearbyQuery(forms.Form):
    lat = forms.FloatField(min_value=-90, max_value=90)
    lng = forms.FloatField(min_value=-180, max_value=180)
    category = forms.ModelChoiceField(
        queryset=Category.objects.none(),
        error_messages={
            "invalid_choice": gettext_lazy("Choose one of the categories offered.")
        },
    )

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category = cast("forms.ModelChoiceField[Category]", self.fields["category"])
        category.queryset = institution.categories.filter(is_active=True)


def nearby_item(nearby: NearbyReport) -> dict[str, Any]:
    """What the form shows of a nearby report: public data only."""
    report = nearby.report
    return {
        "id": report.pk,
        "number": report.registry_number,
        "category": translated(report.category, "name"),
        "icon": report.category.icon,
        "state": str(report.pin_state),
        "label": str(report.pin_label),
        "text": Truncator(report.public_text).chars(EXCERPT_LENGTH),
        "distance_m": nearby.distance_m,
        "thumbnail": thumbnail_url(nearby.first_photo),
        "url": reverse("reports:detail", args=[report.pk]),
        "follow_url": reverse("reports:follow", args=[report.pk]),
    }


@require_safe
def nearby(request: InstitutionRequest) -> JsonResponse:
    institution = require_institution(request)
    query = NearbyQuery(request.GET, institution=institution)
    if not query.is_valid():
        return JsonResponse(
            {
                "error": _("Give a valid latitude, longitude and category."),
                "fields": {
                    name: [str(error) for error in errors]
                    for name, errors in query.errors.items()
                },
            },
            status=400,
        )

    data = query.cleaned_data
    reports = nearby_open_reports(
        institution=institution,
        category=data["category"],
        location=Point(data["lng"], data["lat"], srid=4326),
    )
    return JsonResponse({"reports": [nearby_item(item) for item in reports]})


@require_POST
def follow(request: InstitutionRequest, pk: int) -> HttpResponse:
    institution = require_institution(request)
    page = reverse("reports:detail", args=[pk])
    if not request.user.is_authenticated:
        # Back to the report's page after logging in: this URL takes only POST.
        return redirect_to_login(page)
    report = get_object_or_404(Report.objects.public(), pk=pk, institution=institution)

    user = request.user
    if not has_verified_email(user):
        messages.error(
            request, _("Confirm your e-mail address before following a report.")
        )
        return redirect(page)
    try:
        follow_report(user=user, report=report)
    except FollowError:
        raise Http404 from None

    messages.success(
        request, _("You follow this report; you will be told of its updates.")
    )
    return redirect(page)
