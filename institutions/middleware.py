from collections.abc import Callable
from typing import cast

from django.db.models import Case, When
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from accounts.models import User
from institutions.models import Institution


class InstitutionRequest(HttpRequest):
    """A request that went through InstitutionMiddleware.

    ``institution`` is looked up on first use. When no institution exists
    it is a lazy stand-in for None: false, but not None itself, so test it
    with ``if request.institution``, never with ``is None``.
    """

    institution: Institution | None


class AuthenticatedRequest(InstitutionRequest):
    """A request to a view behind login_required."""

    user: User


def institution_for(request: HttpRequest) -> Institution | None:
    """The institution whose site this request is on.

    The one whose domain matches the host, or else the first one: a
    deployment for one institution needs no domain configured.
    """
    host = request.get_host().split(":")[0]
    # One query for both cases; the boundary, a large geometry few
    # requests need, is read when used.
    return (
        Institution.objects.defer("boundary")
        .alias(on_host=Case(When(domain=host, then=1), default=0))
        .order_by("-on_host", "pk")
        .first()
    )


def require_institution(request: InstitutionRequest) -> Institution:
    """The current institution; 404 while none is configured."""
    if not request.institution:
        raise Http404(_("No institution is configured."))
    return request.institution


class InstitutionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: InstitutionRequest) -> HttpResponseBase:
        # Lazy, so that requests that never use it cost no query. The cast
        # is the proxy's promise: it behaves as the Institution, or as None.
        request.institution = cast(
            "Institution | None",
            SimpleLazyObject(lambda: institution_for(request)),
        )
        return self.get_response(request)
