"""Views: work in progress by a teammate."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("")


home = clerk_queue = department_queue = my_work = report_detail = _todo
report_publish = report_reject = report_assign = report_note = _todo
report_resolve = photo_original = _todo
