import logging

from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from institutions.middleware import InstitutionRequest
from registratura import callbacks, signing

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def callback(request: InstitutionRequest, slug: str) -> JsonResponse:
    """An external registry confirms a number or reports a status.

    CSRF does not apply: the caller is a server, authenticated by the
    signature over the body.
    """
    # The registry calls the institution's own site, as it was told to.
    institution = request.institution
    if not institution or institution.slug != slug:
        raise Http404

    try:
        call = callbacks.accept_callback(
            institution=institution,
            timestamp=request.headers.get(signing.TIMESTAMP_HEADER, ""),
            signature=request.headers.get(signing.SIGNATURE_HEADER, ""),
            body=request.body,
        )
    except callbacks.CallbackRefusedError as refusal:
        logger.warning(
            "Registry callback for %s refused (%s): %s",
            institution.slug,
            refusal.status,
            refusal,
        )
        return JsonResponse({"error": str(refusal)}, status=refusal.status)

    return JsonResponse({"state": call.state, "number": call.number})
