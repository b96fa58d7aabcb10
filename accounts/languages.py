"""The language a person reads the site, and their e-mails, in.

Romanian, the city hall's working language, unless the person chose
another with the site's language selector: the choice is kept in the
browser's language cookie and, for an account, on the account, so that the
e-mails written to them follow it.

The browser's Accept-Language is not followed, as Django would by default:
many Romanians' browsers ask for English first, and a city hall's site that
answered them in English would surprise more people than it helped.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from accounts.models import User


def supported_language(code: str | None) -> str:
    """``code`` if the site offers it, else the default language."""
    offered = dict(settings.LANGUAGES)
    code = (code or "").lower()
    if code in offered:
        return code
    base = code.split("-")[0]
    return base if base in offered else settings.LANGUAGE_CODE


def remember_language(user: User, code: str) -> None:
    """Keep the language on the account: its e-mails are written in it."""
    language = supported_language(code)
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def read_as_the_email(request: HttpRequest, language: str) -> None:
    """Show a page opened from an e-mail's link in the e-mail's language.

    The links of an e-mail (a question, an unsubscribe) need no login: a
    visitor who has chosen no language reads the page as they read the
    e-mail, not in the default language.
    """
    user = getattr(request, "user", None)
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES or (
        user is not None and user.is_authenticated
    ):
        return
    translation.activate(supported_language(language))
    request.LANGUAGE_CODE = translation.get_language()


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Activate the chosen language: the cookie's, else the account's.

    It comes after the authentication middleware, to know the account.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        user = getattr(request, "user", None)
        if not chosen and user is not None and user.is_authenticated:
            chosen = user.language
        translation.activate(supported_language(chosen))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        # The same address reads differently with another language cookie.
        patch_vary_headers(response, ("Cookie",))
        return super().process_response(request, response)
