from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseBase

from accounts.suspension import ACCOUNT_SUSPENDED


class SuspendedAccountMiddleware:
    """End the session of a suspended account on its next request.

    The request then goes on as an anonymous visitor's, with a message
    saying why; a page behind login sends them to the login page, which
    shows it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = request.user
        if user.is_authenticated and getattr(user, "is_suspended", False):
            logout(request)
            messages.error(request, ACCOUNT_SUSPENDED)
        return self.get_response(request)
