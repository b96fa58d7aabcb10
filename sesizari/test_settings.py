"""Settings for the test suite: the real ones, with test-only services."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SESIZARI_SECRET_KEY", "test-secret-key")
os.environ.setdefault("DATABASE_URL", "postgis://postgres@127.0.0.1:5432/sesizari")

from sesizari.settings import *  # noqa: F403 - extends the real settings

# Several test runs may share one PostgreSQL server (developers, CI):
# each gets a test database of its own.
DATABASES["default"].setdefault("TEST", {})  # noqa: F405
DATABASES["default"]["TEST"]["NAME"] = (  # noqa: F405
    f"test_sesizari_{os.getpid()}"
    if not DATABASES["default"]["ENGINE"].endswith("spatialite")  # noqa: F405
    else None
)
# Every answer fresh: the tests of the caches turn them on.
MAP_CACHE_SECONDS = 0
OPEN311_CACHE_SECONDS = 0
# Each test's connection closes after its requests, as Django's own tests expect.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = False  # noqa: F405
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="sesizari-static-"))
STORAGES["default"]["OPTIONS"]["location"] = tempfile.mkdtemp(  # noqa: F405
    prefix="sesizari-media-"
)
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
GEOCODER_URL = ""
LANGUAGE_CODE = "ro"
