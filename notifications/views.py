"""The citizen's e-mail settings, and unsubscribing from a link in an e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from institutions.middleware import AuthenticatedRequest
from notifications import following
from notifications.models import Follow
from reports.models import Report


@login_required
def email_settings(request: AuthenticatedRequest) -> HttpResponse:
    follows = (
        Follow.objects.filter(user=request.user)
        .select_related("report__category")
        .order_by("-created_at")
    )
    return render(request, "notifications/settings.html", {"follows": follows})


@login_required
@require_POST
def stop_following(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk)

    if following.unfollow_report(user=request.user, report=report):
        messages.success(request, _("You no longer receive this report's updates."))
    if request.POST.get("back") == "report":
        return redirect(reverse("reports:detail", args=[pk]))
    return redirect("notifications:settings")


# Mail clients unsubscribe with a POST of their own (RFC 8058), without the
# page's CSRF token: the signed token in the URL is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = following.follow_of_token(token)
    if found is None:
        return render(request, "notifications/unsubscribe.html", status=404)
    user_id, report_id = found
    follow = (
        Follow.objects.filter(user_id=user_id, report_id=report_id)
        .select_related("report__category")
        .first()
    )

    if request.method == "POST" and follow is not None:
        follow.delete()
        follow = None
    return render(
        request,
        "notifications/unsubscribe.html",
        {"valid": True, "follow": follow, "token": token},
    )
