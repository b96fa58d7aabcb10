"""Settings of Sesizări, read from environment variables.

Every variable is prefixed with ``SESIZARI_``, except the conventional
``DATABASE_URL``. A malformed value stops start-up with a message naming it.
"""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _parse_bool(value: str) -> bool:
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ValueError(f"{value!r} is not one of {sorted(_TRUE | _FALSE)}")


def _parse_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


_T = TypeVar("_T")


def _setting(name: str, parse: Callable[[str], _T], default: _T) -> _T:
    """Read SESIZARI_<name>, parsed by `parse`; a bad value stops start-up."""
    raw = os.environ.get(f"SESIZARI_{name}")
    if raw is None:
        return default
    try:
        return parse(raw)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"SESIZARI_{name} has an invalid value: {error}"
        ) from error


DEBUG = _setting("DEBUG", _parse_bool, False)
SECRET_KEY = _setting(
    "SECRET_KEY", str, "insecure-development-key-change-me" if DEBUG else ""
)
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SESIZARI_SECRET_KEY must be set when SESIZARI_DEBUG is off."
    )
ALLOWED_HOSTS = _setting("ALLOWED_HOSTS", _parse_list, ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS: list[str] = _setting("CSRF_TRUSTED_ORIGINS", _parse_list, [])
SITE_URL = _setting("SITE_URL", str, "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "sesizari.apps.ScopedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "allauth",
    "allauth.account",
    "leaflet",
    "django_tasks",
    "sesizari.apps.BackgroundTasksConfig",
    "accounts",
    "institutions",
    "zones",
    "registratura",
    "reports",
    "moderation",
    "notifications",
    "backoffice",
    "open311",
    "dashboards",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "sesizari.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.languages.ChosenLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SuspendedAccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "institutions.middleware.InstitutionMiddleware",
]

ROOT_URLCONF = "sesizari.urls"
WSGI_APPLICATION = "sesizari.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "institutions.context_processors.institution",
                "dashboards.context_processors.statistics",
            ],
        },
    },
]

# The embedded default is SpatiaLite in var/; production and the test suite
# use PostgreSQL with PostGIS through DATABASE_URL.
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"spatialite:///{VAR_DIR / 'sesizari.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"].endswith("spatialite"):
    # The web server and the worker write to one file: WAL lets readers go
    # on while one writes, and IMMEDIATE transactions take the write lock
    # up front instead of failing on a lock upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    # Connections stay open between requests (a new one costs milliseconds
    # a short public read cannot spare), checked before each reuse.
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Web requests are short: starting parallel query workers took longer
    # (about 15 ms) than the queries they would share. The benchmark's
    # figures are in the README.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c max_parallel_workers_per_gather=0"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"

LANGUAGE_CODE = "ro"
# Each language is offered in its own name. Romanian stays the default for a
# visitor who has not chosen: the city hall works and answers in Romanian.
LANGUAGES = [("ro", "Română"), ("en", "English"), ("hu", "Magyar")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Bucharest"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES: dict[str, dict[str, Any]] = {
    # Nothing uploaded is served straight from disk: photos and documents
    # go through views that check who may see them.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": _setting("MEDIA_ROOT", str, str(VAR_DIR / "media"))},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = _setting(
    "EMAIL_BACKEND", str, "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = _setting("EMAIL_FILE_PATH", str, str(VAR_DIR / "mail"))
EMAIL_HOST = _setting("EMAIL_HOST", str, "127.0.0.1")
EMAIL_PORT = _setting("EMAIL_PORT", int, 25)
EMAIL_HOST_USER = _setting("EMAIL_HOST_USER", str, "")
EMAIL_HOST_PASSWORD = _setting("EMAIL_HOST_PASSWORD", str, "")
EMAIL_USE_TLS = _setting("EMAIL_USE_TLS", _parse_bool, False)
EMAIL_TIMEOUT = _setting("EMAIL_TIMEOUT", int, 20)
DEFAULT_FROM_EMAIL = _setting(
    "DEFAULT_FROM_EMAIL", str, "Sesizări <sesizari@localhost>"
)

TASKS = {
    "default": {
        "BACKEND": _setting("TASKS_BACKEND", str, "django_tasks_db.DatabaseBackend"),
    }
}

# Reports waiting longer than this for an external registry's number are
# flagged to the clerks (registratura.outbox).
REGISTRY_ALERT_MINUTES = _setting("REGISTRY_ALERT_MINUTES", int, 60)

# A Nominatim-compatible search endpoint, such as
# https://nominatim.openstreetmap.org/search. Empty: the institution's
# street list is the only geocoder.
GEOCODER_URL = _setting("GEOCODER_URL", str, "")
GEOCODER_TIMEOUT = _setting("GEOCODER_TIMEOUT", float, 4.0)

# How long public answers that many readers ask alike are kept, in seconds:
# a zoomed-out map's clusters, and the Open311 lists of requests. Reports
# become public when a clerk publishes them, so a few seconds late is never
# wrong; at a million reports it spares the database most reads. 0 computes
# every answer. Each web process has its own cache unless CACHES says else.
MAP_CACHE_SECONDS = _setting("MAP_CACHE_SECONDS", int, 10)
OPEN311_CACHE_SECONDS = _setting("OPEN311_CACHE_SECONDS", int, 10)

REPORT_MAX_PHOTOS = 5
PHOTO_MAX_BYTES = _setting("PHOTO_MAX_BYTES", int, 15 * 1024 * 1024)
PHOTO_MAX_PIXELS = _setting("PHOTO_MAX_PIXELS", int, 40_000_000)
DOCUMENT_MAX_BYTES = _setting("DOCUMENT_MAX_BYTES", int, 10 * 1024 * 1024)

# How many reports one account may send in a rolling hour and a rolling
# 24 hours (accounts.limits); 0 removes that limit.
REPORTS_PER_HOUR = _setting("REPORTS_PER_HOUR", int, 5)
REPORTS_PER_DAY = _setting("REPORTS_PER_DAY", int, 20)

# Behind a TLS reverse proxy, the proxy says which scheme the visitor used.
# Only trust it when no one but the proxy can reach the application.
if _setting("TRUST_PROXY_HEADERS", _parse_bool, False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

SESSION_COOKIE_SECURE = SITE_URL.startswith("https")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (46.7712, 23.5899),
    "DEFAULT_ZOOM": 13,
    "TILES": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "filters": {
        "client_errors": {"()": "sesizari.log_filters.ClientErrorsWithoutTraceback"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["client_errors"],
        }
    },
    "root": {"handlers": ["console"], "level": _setting("LOG_LEVEL", str, "INFO")},
}

SILENCED_SYSTEM_CHECKS = [
    # Debian 12 ships GDAL 3.6; the product never opens spatial references
    # from untrusted files with it.
    "gis.W001",
]
