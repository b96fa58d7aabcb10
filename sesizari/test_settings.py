"""Settings for the test suite: the real ones, with test-only services."""

import os
import tempfile

os.environ.setdefault("SESIZARI_SECRET_KEY", "test-secret-key")
os.environ.setdefault("DATABASE_URL", "postgis://postgres@127.0.0.1:5432/sesizari")

from sesizari.settings import *  # noqa: F403 - extends the real settings

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
