from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_GET

from institutions.colours import text_colour_on
from institutions.middleware import InstitutionRequest
from institutions.models import Institution, branding_storage


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


@require_GET
def favicon(request: InstitutionRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for without reading the page."""
    institution = request.institution
    if institution and institution.favicon:
        return HttpResponseRedirect(institution.favicon.url)
    return HttpResponseRedirect(static("favicon.svg"))


@require_GET
def branding_picture(request: InstitutionRequest, name: str) -> FileResponse:
    """An institution's logo or icon, as redrawn when it was uploaded.

    Only the pictures institutions use now are served: an upload replaced
    since, or any other file, is not found.
    """
    if not Institution.objects.filter(Q(logo=name) | Q(favicon=name)).exists():
        raise Http404
    storage = branding_storage()
    if not storage.exists(name):
        raise Http404
    response = FileResponse(storage.open(name), content_type="image/png")
    # A new upload gets a new name: the old one may be kept for a day.
    response["Cache-Control"] = "public, max-age=86400"
    return response
