"""Settings, read from the environment.

WORKINGS_ENV=production turns on every deployment safeguard (secure cookies, HSTS, no DEBUG)
and insists on SECRET_KEY. Anything else is a local install that keeps its secret, its
SQLite database, its signing key and its outgoing mail under WORKINGS_VAR_DIR (default ./var).
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

import dj_database_url

from workings.core.file_storage import file_storage_from_env

SRC_DIR = Path(__file__).resolve().parent
ENV = os.environ.get("WORKINGS_ENV", "development")
PRODUCTION = ENV == "production"
TESTING = os.environ.get("WORKINGS_TESTING") == "1" or "pytest" in sys.modules


def _var_dir() -> Path:
    if "WORKINGS_VAR_DIR" in os.environ:
        return Path(os.environ["WORKINGS_VAR_DIR"]).resolve()
    if TESTING:
        # Tests never touch the developer's var/ (keys, mail, demo database).
        return Path(tempfile.mkdtemp(prefix="workings-test-"))
    return (Path.cwd() / "var").resolve()


VAR_DIR = _var_dir()


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _local_secret() -> str:
    """A per-install secret kept in var/, so a local install needs no set-up."""
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


if PRODUCTION:
    SECRET_KEY = os.environ["SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret()

DEBUG = _env_bool("WORKINGS_DEBUG", default=False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get(
        "ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
    ).split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "workings.core",
    "workings.accounts",
    "workings.projects",
    "workings.events",
    "workings.funders",
    "workings.agreements",
    "workings.documents",
    "workings.record",
    "workings.concerns",
    "workings.money",
    "workings.posts",
    "workings.verification",
    "workings.plans",
    "workings.audits",
    "workings.publishing",
    "workings.notifications",
    "workings.reports",
    "workings.api",
    "workings.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "workings.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "workings.accounts.sessions.SessionGuardMiddleware",
    "workings.projects.two_factor.RequireTwoFactorMiddleware",
    "workings.core.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "workings.urls"
WSGI_APPLICATION = "workings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # core's templates first: they override allauth's layouts and elements, and
        # "allauth" comes before "workings.core" in INSTALLED_APPS.
        "DIRS": [SRC_DIR / "core" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "workings.core.context_processors.site",
                "workings.notifications.context_processors.needs_header",
            ],
        },
    },
]


def _sqlite_settings(name: str) -> dict[str, object]:
    """The one set of SQLite settings, whether the file is named by DATABASE_URL=sqlite:///…
    or by WORKINGS_SQLITE_PATH (events/checks.py refuses to start without them)."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        # Reuse connections between requests: opening SQLite and running the PRAGMAs on
        # every request costs more than most of our pages.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "NAME": name,
        "OPTIONS": {
            # IMMEDIATE takes the write lock at BEGIN, so appends to a project's log are
            # serialised (SQLite ignores SELECT ... FOR UPDATE). See docs/decisions.
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=FULL;"
                "PRAGMA busy_timeout=30000;"
                "PRAGMA foreign_keys=ON;"
            ),
        },
        "TEST": {"NAME": os.environ.get("WORKINGS_TEST_SQLITE_PATH") or None},
    }


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        db: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
        if db.get("ENGINE") == "django.db.backends.sqlite3":
            return _sqlite_settings(str(db["NAME"]))
        if TESTING:
            # Lets several test runs share one server without fighting over test_<name>.
            db["TEST"] = {"NAME": os.environ.get("WORKINGS_TEST_DB_NAME") or None}
        return db
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return _sqlite_settings(
        os.environ.get("WORKINGS_SQLITE_PATH", str(VAR_DIR / "workings.sqlite3"))
    )


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache every worker shares (rate limits, two-factor replay protection). Keys are
# hashed with the secret (workings.core.cache) so no IP address is written in clear.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "workings_cache",
        "KEY_FUNCTION": "workings.core.cache.hashed_key",
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 at full cost makes a suite of hundreds of sign-ins crawl; tests use MD5.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "workings.accounts.validators.LongerIsStrongerAdvice"},
]

# django-allauth: sign in by e-mail only, verified addresses, optional TOTP.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_INPUT_RENDER_VALUE = False
ACCOUNT_SIGNUP_FORM_CLASS = "workings.accounts.forms.SignupExtraForm"
# allauth's forms with our one e-mail rule (internationalised addresses) and equal-cost sign-up.
ACCOUNT_FORMS = {
    "signup": "workings.accounts.allauth_forms.SignupForm",
    "login": "workings.accounts.allauth_forms.LoginForm",
    "reset_password": "workings.accounts.allauth_forms.ResetPasswordForm",
    "add_email": "workings.accounts.allauth_forms.AddEmailForm",
}
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Workings"
LOGIN_REDIRECT_URL = "/home/"
LOGIN_URL = "/accounts/login/"
# Sessions end after this long without a request, and this long after signing in whatever
# happens (accounts/sessions.py, docs/decisions/sessions-and-two-factor.md).
WORKINGS_SESSION_IDLE_MINUTES = int(os.environ.get("WORKINGS_SESSION_IDLE_MINUTES", "120"))
WORKINGS_SESSION_MAX_HOURS = int(os.environ.get("WORKINGS_SESSION_MAX_HOURS", "24"))
SESSION_COOKIE_AGE = WORKINGS_SESSION_MAX_HOURS * 3600
# Leads, funder reviewers and administrators must set up an authenticator app when on.
WORKINGS_REQUIRE_TWO_FACTOR = _env_bool("WORKINGS_REQUIRE_TWO_FACTOR", default=False)
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

# The backend that really sends (used by the worker when the queue is on).
WORKINGS_MAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    # Django's SMTP backend, sending internationalised addresses with SMTPUTF8.
    "workings.core.email.SMTPUTF8EmailBackend"
    if PRODUCTION
    # Locally, every e-mail is written as a file under var/mail/ for a newcomer to read.
    else "django.core.mail.backends.filebased.EmailBackend",
)
# In production (or with WORKINGS_MAIL_QUEUE=1) no e-mail is sent inside a request: it is
# queued in the database and a worker delivers it (workings/ops/mail.py).
WORKINGS_MAIL_QUEUE = _env_bool("WORKINGS_MAIL_QUEUE", default=PRODUCTION)
EMAIL_BACKEND = "workings.ops.mail.QueueBackend" if WORKINGS_MAIL_QUEUE else WORKINGS_MAIL_BACKEND
WORKINGS_MAIL_CLAIM_SECONDS = int(os.environ.get("WORKINGS_MAIL_CLAIM_SECONDS", "300"))
# How often a worker sweeps the queue for e-mails whose delivery task was lost.
WORKINGS_MAIL_SWEEP_SECONDS = int(os.environ.get("WORKINGS_MAIL_SWEEP_SECONDS", "60"))
# How long a person's data download is kept before its file is deleted (the worker makes it).
WORKINGS_DATA_EXPORT_HOURS = int(os.environ.get("WORKINGS_DATA_EXPORT_HOURS", "72"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", default=False)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Workings <no-reply@workings.invalid>")

# The site's own independent reviewers: they read confidential and anonymous concerns in
# projects with no funder's reviewer. Comma-separated e-mail addresses.
WORKINGS_INDEPENDENT_REVIEWERS = [
    e.strip() for e in os.environ.get("WORKINGS_INDEPENDENT_REVIEWERS", "").split(",") if e.strip()
]

# Sealed entries (confidential and anonymous concerns) wait for a daily batch, so their
# place in the log cannot date them below their day (docs/decisions/sealed-entries.md).
# Tests append them at once unless a test turns the batch on.
WORKINGS_SEALED_BATCH = _env_bool("WORKINGS_SEALED_BATCH", default=not TESTING)

# Background tasks in a database queue that `workings worker` processes on any machine
# (docs/decisions/deployment.md). Tests run them at once unless WORKINGS_TASK_BACKEND=database.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.backend.DatabaseBackend",
}
TASKS = {
    "default": {
        "BACKEND": _TASK_BACKENDS[
            os.environ.get("WORKINGS_TASK_BACKEND", "immediate" if TESTING else "database")
        ]
    }
}

# The log's signing key lives in a file, never in the database: a database administrator
# must not be able to re-sign a rewritten log. See docs/decisions/key-storage.md.
WORKINGS_SIGNING_KEY_FILE = os.environ.get(
    "WORKINGS_SIGNING_KEY_FILE", str(VAR_DIR / "keys" / "log-signing.key")
)
WORKINGS_LOG_NAME = os.environ.get("WORKINGS_LOG_NAME", "workings.local")
# Each funder organisation's witness signing key: one file per organisation in this folder,
# never in the database (docs/decisions/witness-keys.md).
WORKINGS_WITNESS_KEY_DIR = os.environ.get(
    "WORKINGS_WITNESS_KEY_DIR", str(VAR_DIR / "keys" / "witnesses")
)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
# Only languages with a finished translation are offered: LocaleMiddleware picks among these.
# Welsh is on its way (src/workings/locale/cy holds its catalogue); it joins LANGUAGES when
# translated. See docs/decisions/translation.md.
LANGUAGES = [("en-gb", "English")]
LANGUAGES_PLANNED = [("cy", "Cymraeg")]
LOCALE_PATHS = [SRC_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"


STORAGES = {
    "default": file_storage_from_env(os.environ),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Security headers. Content Security Policy (django-csp 4): our own files only.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Application logs never carry client addresses: Django's request logger is kept to
# warnings about our own code, and gunicorn's access log is off by default (see README).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}

NINJA_PAGINATION_PER_PAGE = 50
