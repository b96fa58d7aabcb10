"""Views: work in progress by a teammate."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("")


report_new = geocode = my_reports = my_report = resolution_document = _todo
