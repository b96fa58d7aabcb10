"""The signature both sides put on a registry message.

HMAC-SHA256, in hex, of the timestamp (Unix seconds), a dot and the body,
keyed by the institution's shared secret.
"""

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Sesizari-Timestamp"
SIGNATURE_HEADER = "X-Sesizari-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"

# How far a signed timestamp may be from our clock, either way.
MAX_SKEW_SECONDS = 5 * 60


def sign(secret: str, timestamp: str, body: bytes) -> str:
    message = timestamp.encode("ascii") + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes) -> dict[str, str]:
    timestamp = str(int(time.time()))
    return {
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(secret, timestamp, body),
    }


def is_valid(secret: str, timestamp: str, signature: str, body: bytes) -> bool:
    """The signature is the secret's, over a timestamp close to now."""
    if not secret or not timestamp.isdigit():
        return False
    if abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)
