from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from institutions.models import Institution


def institution_for(request: HttpRequest) -> Institution | None:
    """The institution whose site this request is on.

    The one whose domain matches the host, or else the first one: a
    deployment for one institution needs no domain configured.
    """
    host = request.get_host().split(":")[0]
    institution = Institution.objects.filter(domain=host).first()
    return institution or Institution.objects.order_by("pk").first()


class InstitutionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.institution = SimpleLazyObject(lambda: institution_for(request))
        return self.get_response(request)
