"""API keys: issued once in clear, then known only by their hash.

A key is 256 random bits, so a plain SHA-256 is enough to keep it: there
is no dictionary to guess from, and checking it costs one fast hash rather
than a password hasher's deliberate slowness on every request.
"""

import hashlib
import hmac
import secrets

from django.utils import timezone

from accounts.models import User
from institutions.models import Institution
from open311.models import ApiKey

PREFIX_LENGTH = 8


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_api_key(
    *, institution: Institution, application: str, created_by: User | None
) -> tuple[ApiKey, str]:
    """Create a key for an application; returns it with the key in clear."""
    key = secrets.token_urlsafe(32)
    while ApiKey.objects.filter(prefix=key[:PREFIX_LENGTH]).exists():
        key = secrets.token_urlsafe(32)

    api_key = ApiKey.objects.create(
        institution=institution,
        application=application,
        prefix=key[:PREFIX_LENGTH],
        key_hash=_hash(key),
        created_by=created_by,
    )
    return api_key, key


def valid_api_key(key: str, institution: Institution) -> ApiKey | None:
    """The active key of the institution that `key` is, or None."""
    found = ApiKey.objects.filter(
        prefix=key[:PREFIX_LENGTH], institution=institution, is_active=True
    ).first()
    if found is None or not hmac.compare_digest(found.key_hash, _hash(key)):
        return None

    found.last_used_at = timezone.now()
    found.save(update_fields=["last_used_at"])
    return found
