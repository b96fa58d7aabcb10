"""A short-lived cache of public answers that many readers ask alike.

Only what anyone may read goes here: the key is the institution, the
endpoint and the query, never the person asking.
"""

import hashlib
from collections.abc import Callable
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpResponse, QueryDict


def query_key(prefix: str, query: QueryDict) -> str:
    """The key of an endpoint's answer to a query, whatever the arguments' order."""
    arguments = urlencode(sorted(query.lists()), doseq=True)
    return f"{prefix}:{hashlib.sha256(arguments.encode()).hexdigest()}"


def cached_answer(
    prefix: str,
    query: QueryDict,
    *,
    seconds: int,
    build: Callable[[], HttpResponse],
) -> HttpResponse:
    """The answer kept for this query, or a new one, kept if it succeeded."""
    if not seconds:
        return build()
    key = query_key(prefix, query)

    kept = cache.get(key)
    if kept is not None:
        content, content_type = kept
        return HttpResponse(content, content_type=content_type)

    response = build()
    if response.status_code == 200:
        cache.set(key, (response.content, response["Content-Type"]), seconds)
    return response
