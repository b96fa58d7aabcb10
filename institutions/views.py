from django.http import HttpResponse
from django.views.decorators.http import require_GET

from institutions.colours import text_colour_on
from institutions.middleware import InstitutionRequest


@require_GET
def branding_css(request: InstitutionRequest) -> HttpResponse:
    """The institution's colours as CSS custom properties.

    A stylesheet rather than a style attribute, so the Content-Security-Policy
    can forbid inline styles.
    """
    institution = request.institution
    colour = institution.main_colour if institution else "#1d4e89"
    css = f":root{{--brand:{colour};--brand-contrast:{text_colour_on(colour)};}}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
