"""A start-up check: every institution's domain is a host Django accepts.

Django answers 400 to a host missing from ALLOWED_HOSTS before any view
runs, so an institution whose domain is not listed has no site at all.
The check reads the database: `manage.py check --database` and `migrate`
(which every start of scripts/run.sh runs) print it.
"""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register
from django.db import DatabaseError
from django.http.request import validate_host

DEBUG_HOSTS = [".localhost", "127.0.0.1", "[::1]"]


def allowed_hosts() -> list[str]:
    """ALLOWED_HOSTS as Django applies it (with DEBUG, local names if empty)."""
    hosts = list(settings.ALLOWED_HOSTS)
    if settings.DEBUG and not hosts:
        hosts = DEBUG_HOSTS
    return hosts


def is_allowed(domain: str) -> bool:
    return validate_host(domain, allowed_hosts())


@register(Tags.database)
def check_institution_domains(
    app_configs: Any = None, databases: Any = None, **kwargs: Any
) -> list[CheckMessage]:
    from institutions.models import Institution

    if not databases:
        return []
    try:
        domains = list(
            Institution.objects.exclude(domain="").values_list("name", "domain")
        )
    except DatabaseError:
        return []  # not migrated yet: nothing to check
    return [
        Warning(
            f"The domain {domain} of {name} is not in ALLOWED_HOSTS: its site "
            "answers 400 Bad Request.",
            hint="Add it to SESIZARI_ALLOWED_HOSTS (comma-separated).",
            id="institutions.W001",
        )
        for name, domain in domains
        if not is_allowed(domain)
    ]
