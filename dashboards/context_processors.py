from django.http import HttpRequest

from dashboards.sql import is_supported


def statistics(request: HttpRequest) -> dict[str, object]:
    # On SpatiaLite the statistics are not computed: no link to an empty page.
    return {"statistics_available": is_supported()}
