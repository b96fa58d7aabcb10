"""The author's answer to "Is the problem solved?", from the e-mail's links.

The links are signed and need no login. A GET only shows the question:
mail scanners open links, and must not answer for the author.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from accounts.languages import read_as_the_email
from institutions.middleware import InstitutionRequest, require_institution
from notifications.satisfaction import resolution_of_token
from reports import satisfaction, workflow
from reports.forms import NotSolvedForm
from reports.models import Resolution


def _question(request: InstitutionRequest, token: str) -> Resolution | None:
    resolution = resolution_of_token(token)
    if resolution is None:
        return None
    # A link answers on the site of the report's own institution only.
    if resolution.report.institution_id != require_institution(request).pk:
        return None
    read_as_the_email(request, resolution.report.petitioner.language)
    return resolution


def _page(
    request: HttpRequest,
    resolution: Resolution | None,
    *,
    token: str,
    answer: str,
    form: NotSolvedForm | None = None,
    error: str = "",
    done: bool = False,
) -> HttpResponse:
    if resolution is None:
        return render(
            request, "reports/satisfaction.html", {"valid": False}, status=404
        )
    report = resolution.report
    if done:
        # The answer changed the report: show it as it is now.
        report.refresh_from_db()
    is_open = satisfaction.is_open(report, resolution)
    context = {
        "valid": True,
        "token": token,
        "answer": answer,
        "report": report,
        "resolution": resolution,
        "is_open": is_open and not done,
        "done": done,
        "form": form,
        "error": error,
        "closes_on": satisfaction.closes_on(report, resolution),
    }
    status = 400 if error or (form is not None and form.errors) else 200
    if not is_open and not done:
        status = 410
    return render(request, "reports/satisfaction.html", context, status=status)


@require_http_methods(["GET", "POST"])
def solved(request: InstitutionRequest, token: str) -> HttpResponse:
    resolution = _question(request, token)
    if request.method == "GET" or resolution is None:
        return _page(request, resolution, token=token, answer="solved")

    report = resolution.report
    try:
        workflow.confirm_solved(
            report=report, resolution=resolution, author=report.author
        )
    except workflow.WorkflowError as refusal:
        return _page(
            request, resolution, token=token, answer="solved", error=str(refusal)
        )
    return _page(request, resolution, token=token, answer="solved", done=True)


@require_http_methods(["GET", "POST"])
def not_solved(request: InstitutionRequest, token: str) -> HttpResponse:
    resolution = _question(request, token)
    form = NotSolvedForm(request.POST or None)
    if request.method == "GET" or resolution is None or not form.is_valid():
        return _page(request, resolution, token=token, answer="not_solved", form=form)

    report = resolution.report
    try:
        workflow.reopen_report(
            report=report,
            resolution=resolution,
            author=report.author,
            text=form.cleaned_data["text"],
        )
    except workflow.WorkflowError as refusal:
        return _page(
            request,
            resolution,
            token=token,
            answer="not_solved",
            form=form,
            error=str(refusal),
        )
    return _page(request, resolution, token=token, answer="not_solved", done=True)
