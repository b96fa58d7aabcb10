"""Views: work in progress by a teammate."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("")


home = report_list = report_detail = map_data = photo = _todo
