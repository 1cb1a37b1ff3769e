"""Django settings for a coopnode node.

Configuration comes from the environment so that the same code runs embedded (SQLite in the data
directory) or on a server (PostgreSQL through ``COOPNODE_DATABASE_URL``).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from coopnode import config

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.ensure_data_dir()

SECRET_KEY = config.secret_key()
DEBUG = os.environ.get("COOPNODE_DEBUG", "") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("COOPNODE_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("COOPNODE_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "huey.contrib.djhuey",
    "coopnode.web.registry",
    "coopnode.web.intake",
    "coopnode.web.portal",
    "coopnode.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "coopnode.web.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "coopnode.web.wsgi.application"

_database_url = config.database_url()
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(config.sqlite_path()),
            "OPTIONS": {
                # WAL lets readers work while an ingest writes; IMMEDIATE avoids lock upgrades
                # failing half-way through a write transaction.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
            },
            "TEST": {"NAME": str(DATA_DIR / "test-coopnode.sqlite3")},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("ru", _("Russian")), ("zh-hans", _("Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True

MEDIA_ROOT = DATA_DIR / "originals"

# Uploads: a press release is small; anything larger than this is refused with a clear message.
COOPNODE_MAX_DOCUMENT_BYTES = int(os.environ.get("COOPNODE_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = COOPNODE_MAX_DOCUMENT_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = os.environ.get("COOPNODE_SECURE_COOKIES", "") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"

EMAIL_BACKEND = os.environ.get(
    "COOPNODE_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = DATA_DIR / "outbox"
DEFAULT_FROM_EMAIL = os.environ.get("COOPNODE_FROM_EMAIL", "coopnode@localhost")

HUEY = {
    "huey_class": "huey.SqliteHuey",
    "name": "coopnode",
    "filename": str(DATA_DIR / "tasks.sqlite3"),
    "immediate": os.environ.get("COOPNODE_TASKS_IMMEDIATE", "") == "1",
    "consumer": {"workers": 1, "worker_type": "thread"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("COOPNODE_LOG_LEVEL", "WARNING")},
}

# --- partnering (cooperation profiles, matching, expressions of interest) -----------------------
INSTALLED_APPS += ["coopnode.web.partnering"]

# --- API, operator workflow, members, security (area: web/api, web/intake views, web/members) ---
INSTALLED_APPS += ["coopnode.web.members"]  # noqa: F405 — accounts tied to an organization
# Refuse log-ins after repeated failures (coopnode.web.security explains why not django-axes).
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
                  "coopnode.web.security.LoginThrottleMiddleware")
COOPNODE_LOGIN_FAILURE_LIMIT = int(os.environ.get("COOPNODE_LOGIN_FAILURE_LIMIT", 5))
COOPNODE_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("COOPNODE_LOGIN_LOCKOUT_SECONDS", 15 * 60))
COOPNODE_API_ANON_RATE = os.environ.get("COOPNODE_API_ANON_RATE", "600/m")
COOPNODE_API_AUTH_RATE = os.environ.get("COOPNODE_API_AUTH_RATE", "3000/m")
COOPNODE_FEED_POLL_MINUTES = int(os.environ.get("COOPNODE_FEED_POLL_MINUTES", 30))
SESSION_COOKIE_AGE = 12 * 60 * 60  # an operator's working day, not two weeks
CSRF_FAILURE_VIEW = "coopnode.web.intake.views.csrf_failure"
# Stop reading a document upload once it passes COOPNODE_MAX_DOCUMENT_BYTES (nothing big on disk).
FILE_UPLOAD_HANDLERS = [
    "coopnode.web.intake.uploads.DocumentSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
if SESSION_COOKIE_SECURE:
    SECURE_HSTS_SECONDS = int(os.environ.get("COOPNODE_HSTS_SECONDS", 60 * 60 * 24 * 30))
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
