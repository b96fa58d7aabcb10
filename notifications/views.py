"""The citizen's e-mail settings, and unsubscribing from a link in an e-mail."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.languages import read_as_the_email
from accounts.models import User
from institutions.middleware import (
    AuthenticatedRequest,
    InstitutionRequest,
    require_institution,
)
from institutions.models import Institution
from notifications import alerts, following, satisfaction
from notifications.forms import AreaAlertForm
from notifications.models import AreaAlert, Follow
from reports.geocoding import locate_address
from reports.models import Report


@login_required
@require_http_methods(["GET", "POST"])
def email_settings(request: AuthenticatedRequest) -> HttpResponse:
    institution = require_institution(request)
    form = AreaAlertForm(request.POST or None, institution=institution)
    if request.method == "POST" and form.is_valid():
        try:
            _create_alert(request, institution, form.cleaned_data)
        except alerts.AlertError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The alert is saved."))
            return redirect("notifications:settings")

    follows = (
        Follow.objects.filter(user=request.user, report__institution=institution)
        .select_related("report__category")
        .order_by("-created_at")
    )
    context = {
        "follows": follows,
        "alerts": AreaAlert.objects.filter(user=request.user, institution=institution),
        "alert_form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "notifications/settings.html", context, status=status)


def _create_alert(
    request: AuthenticatedRequest, institution: Institution, data: dict[str, Any]
) -> AreaAlert:
    place = None
    if data["zone"] is None and data["address"]:
        found = locate_address(institution=institution, address=data["address"])
        if found is None:
            raise alerts.AlertError(_("This address was not found. Check it."))
        place = (found.label, found.point)
    return alerts.create_alert(
        user=request.user,
        institution=institution,
        frequency=data["frequency"],
        zone=data["zone"],
        place=place,
        radius_m=data["radius_m"],
    )


@login_required
@require_POST
def stop_alert(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    deleted, _per_model = AreaAlert.objects.filter(
        pk=pk, user=request.user, institution=require_institution(request)
    ).delete()
    if deleted:
        messages.success(request, _("You no longer receive this alert."))
    return redirect("notifications:settings")


@login_required
@require_POST
def satisfaction_questions(request: AuthenticatedRequest) -> HttpResponse:
    wanted = request.POST.get("wanted") == "yes"

    request.user.satisfaction_emails = wanted
    request.user.save(update_fields=["satisfaction_emails"])
    if wanted:
        messages.success(request, _("You will be asked whether problems are solved."))
    else:
        messages.success(request, _("You will no longer be asked by e-mail."))
    return redirect("notifications:settings")


@login_required
@require_POST
def stop_following(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk, institution=require_institution(request))

    if following.unfollow_report(user=request.user, report=report):
        messages.success(request, _("You no longer receive this report's updates."))
    if request.POST.get("back") == "report":
        return redirect(reverse("reports:detail", args=[pk]))
    return redirect("notifications:settings")


def _pk(request: InstitutionRequest) -> int | None:
    return request.institution.pk if request.institution else None


# Mail clients unsubscribe with a POST of their own (RFC 8058), without the
# page's CSRF token: the signed token in the URL is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request: InstitutionRequest, token: str) -> HttpResponse:
    alert = alerts.alert_of_token(token)
    if alert is not None:
        # The link in the e-mail is on the site of the alert's institution.
        if alert.institution_id != _pk(request):
            raise Http404
        read_as_the_email(request, alert.user.language)
    if request.method == "POST" and alert is not None:
        alert.delete()
        alert = None
    return render(
        request,
        "notifications/alert_unsubscribe.html",
        {"alert": alert, "token": token},
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: InstitutionRequest, token: str) -> HttpResponse:
    found = following.follow_of_token(token)
    if found is None:
        return render(request, "notifications/unsubscribe.html", status=404)
    user_id, report_id = found
    language = User.objects.filter(pk=user_id).values_list("language", flat=True)
    read_as_the_email(request, language.first() or "")
    follow = (
        Follow.objects.filter(user_id=user_id, report_id=report_id)
        .select_related("report__category")
        .first()
    )
    if follow is not None and follow.report.institution_id != _pk(request):
        raise Http404

    if request.method == "POST" and follow is not None:
        follow.delete()
        follow = None
    return render(
        request,
        "notifications/unsubscribe.html",
        {"valid": True, "follow": follow, "token": token},
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def satisfaction_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = satisfaction.user_of_unsubscribe_token(token)
    if user is not None:
        read_as_the_email(request, user.language)
    if user is None:
        return render(
            request, "notifications/satisfaction_unsubscribe.html", status=404
        )

    if request.method == "POST" and user.satisfaction_emails:
        user.satisfaction_emails = False
        user.save(update_fields=["satisfaction_emails"])
    return render(
        request,
        "notifications/satisfaction_unsubscribe.html",
        {"valid": True, "asked": user.satisfaction_emails, "token": token},
    )
