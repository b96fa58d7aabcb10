"""Which institution a request is for: the one whose domain is its host.

The rule, one query for every case:

1. the institution whose ``domain`` is the request's host name;
2. else the institution without a domain, the deployment's default (the
   domain is unique, so there is at most one);
3. else, when the deployment has a single institution, that one, whatever
   its domain: a city hall alone on its server is reachable at any address
   the server allows (ALLOWED_HOSTS);
4. else no institution: every page but the Django admin is a 404 saying so,
   never another institution's site.

Without any institution (a new deployment) requests go on with none, and
pages that need one say that none is configured.
"""

from collections.abc import Callable

from django.db.models import Case, Count, IntegerField, Value, When, Window
from django.http import Http404, HttpRequest, HttpResponseBase
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from institutions.models import Institution


class InstitutionRequest(HttpRequest):
    """A request that went through InstitutionMiddleware.

    ``institution`` is None only while no institution exists, or in the
    Django admin at an address that is no institution's.
    """

    institution: Institution | None


class AuthenticatedRequest(InstitutionRequest):
    """A request to a view behind login_required."""

    user: User


class UnknownHostError(Http404):
    """Institutions exist, but none is served at the request's host."""


def host_name(request: HttpRequest) -> str:
    """The request's host name, lower case, without the port."""
    domain, _port = split_domain_port(request.get_host())
    return domain


def institution_for(request: HttpRequest) -> Institution | None:
    """The institution whose site this request is on, by the module's rule.

    Raises UnknownHostError when institutions exist but none is served at
    the request's host.
    """
    host = host_name(request)
    # One row: the best candidate, with the number of institutions counted
    # over the whole table before the limit. The boundary, a large
    # geometry few requests need, is read when used.
    found = (
        Institution.objects.defer("boundary")
        .annotate(institutions=Window(Count("pk")))
        .alias(
            rank=Case(
                When(domain=host, then=Value(0)),
                When(domain="", then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "pk")
        .first()
    )
    if found is None:
        return None
    if found.domain in (host, "") or found.institutions == 1:
        return found
    raise UnknownHostError(_("No institution's site is served at this address."))


def require_institution(request: InstitutionRequest) -> Institution:
    """The current institution; 404 while none is configured."""
    if not request.institution:
        raise Http404(_("No institution is configured."))
    return request.institution


class InstitutionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: InstitutionRequest) -> HttpResponseBase:
        try:
            institution = institution_for(request)
        except UnknownHostError:
            request.institution = None
            # The admin stays open to superusers at any address the server
            # allows: they manage the deployment, not one institution. The
            # Open311 API says "not found" itself, in the format asked for.
            if not request.path.startswith(
                (reverse("admin:index"), reverse("open311:root"))
            ):
                raise
            institution = None

        request.institution = institution
        return self.get_response(request)
