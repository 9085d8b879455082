"""Settings for GCM Consultations, read from the environment.

With nothing set the project runs on embedded defaults (SQLite, eager Celery, console
email, DEBUG on) so that `make run` works on a fresh machine. Production sets
DJANGO_DEBUG=false and real services; see the configuration table in README.md.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.cache import cache_config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# A key that is only ever good for a laptop: production refuses to start with it.
DEVELOPMENT_SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"  # noqa: S105

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a long random value when DJANGO_DEBUG is off."
    )

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# The public address, used in emails and calendar files sent outside a request.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_countries",
    "csp",
    # The public API's framework; listed for its templates and Swagger UI files.
    "ninja",
    # Named permissions; each project app loads its own rules.py (rules.apps.AutodiscoverRulesConfig
    # is not used: an app's rules load with the app, in its AppConfig.ready).
    "rules",
    # Project apps, in dependency order: each may import only those above it.
    "core",
    "audit",
    "gcm",
    "outbox",
    "stakeholders",
    "consultations",
    "outreach",
    "feedback",
    "roundtables",
    "reports",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS and HEAD for the public API (/api/ only).
    "opendata.middleware.ApiMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A database outage answers a maintenance page in the visitor's language (503).
    "core.outage.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff pages and the admin need a second factor (stakeholders/mfa.py).
    "stakeholders.mfa.StaffSecondFactorMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
    {
        # Plain-text emails: nothing to escape, so "&" stays "&" in a session title.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {"autoescape": False},
    },
]

# --- Database ---------------------------------------------------------------------------
# SQLite by default; DATABASE_URL=postgresql://... selects PostgreSQL through psycopg 3.
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE makes every write transaction take SQLite's write lock when it begins, so
    # "count the seats, then insert" cannot interleave with another writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    # A database that does not answer gives a maintenance page after this many seconds
    # instead of a request that hangs (2 is the least libpq accepts).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=2)
    )
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A Redis cache fails open (core.cache): when Redis is down the site works without it.
CACHES = {
    "default": cache_config(env.str("CACHE_URL", default="locmemcache://")),
    # Each process's own: fragments of pages keyed by a version that the default cache
    # holds (core.cache.ProcessCopies), so that a fragment is never read over the network.
    "process": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "gcm-process",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

AUTH_USER_MODEL = "stakeholders.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: the backend that signs people in and loads them (the benchmark names it as
    # AUTHENTICATION_BACKENDS[0]).
    "stakeholders.backends.AuthenticationBackend",
    # Named permissions of the staff roles (core/permissions.py, <app>/rules.py), for
    # `user.has_perm` and `perms` in templates; it signs nobody in.
    "rules.permissions.ObjectPermissionBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "stakeholders:home"
# Staff land on the staff start page (stakeholders.adapter), stakeholders on their space.
STAFF_LOGIN_REDIRECT_URL = "roundtables:staff_home"

# --- allauth: log in by email, mandatory verification -------------------------------------
SITE_ID = 1
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_SIGNUP_REDIRECT_URL = "stakeholders:profile"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[GCM Consultations] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_ADAPTER = "stakeholders.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "stakeholders.forms.LoginForm"}
# Two-factor authentication (allauth.mfa): required for staff (stakeholders/mfa.py),
# available to everyone. An authenticator app (TOTP) with recovery codes.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "GCM Consultations"
if env.bool("DJANGO_DISABLE_RATE_LIMITS", default=False):
    ACCOUNT_RATE_LIMITS = False

# --- Languages ----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("zh-hans", _("Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Zurich"  # Geneva, where the UNECE review meets; rows are stored in UTC.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# --- Files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# CVs, ID photos and unpublished reports: never under MEDIA_ROOT, only served by views that
# check permission.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private")))
STATICFILES_STORAGE_BACKEND = (
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
    if env.bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# With S3_BUCKET set, uploads and private files go to an S3-compatible object store, so
# that every web and worker machine sees the same files: public uploads under "media/",
# private ones under "private/", never with a public URL (core.storage_s3).
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env.str("S3_ENDPOINT_URL", default=None),
        "region_name": env.str("S3_REGION", default=None),
        "access_key": env.str("S3_ACCESS_KEY_ID", default=None),
        "secret_key": env.str("S3_SECRET_ACCESS_KEY", default=None),
        "default_acl": "private",
        "file_overwrite": False,
    }
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "media"},
        },
        "private": {
            "BACKEND": "core.storage_s3.PrivateS3Storage",
            "OPTIONS": {**_s3, "location": "private"},
        },
        "staticfiles": {"BACKEND": STATICFILES_STORAGE_BACKEND},
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        },
        "staticfiles": {"BACKEND": STATICFILES_STORAGE_BACKEND},
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760

# --- Email --------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="GCM Consultations <no-reply@gcm-consultations.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery -------------------------------------------------------------------------------
# No broker configured: tasks run eagerly in the web process (same code path, no worker).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or None
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    # Hands queued mail to the workers (see outbox.services): the delay of a mail.
    "outbox-relay": {"task": "outbox.relay", "schedule": env.float("OUTBOX_RELAY_SECONDS", 5.0)},
    "registration-reminders": {
        "task": "consultations.send_reminders",
        "schedule": crontab(minute="*/15"),
    },
    # Every retention rule (accreditation data, Rapporteur CVs and scores, unverified
    # accounts, sent mail), each its own transaction: stakeholders.services.
    "personal-data-purge": {
        "task": "stakeholders.purge_personal_data",
        "schedule": crontab(hour=3, minute=0),
    },
    # Requeues a render whose worker stopped sending heartbeats (reports.services).
    "reports-watchdog": {
        "task": "reports.watchdog",
        "schedule": env.float("REPORT_WATCHDOG_SECONDS", 30.0),
    },
    # Campaigns whose delivery task was lost are finished (outreach.services).
    "outreach-resume": {"task": "outreach.resume_campaigns", "schedule": 300.0},
    # The survey goes to the attendees of sessions that ended within the last week.
    "feedback-surveys": {"task": "feedback.send_surveys", "schedule": crontab(minute="*/30")},
    "audit-purge": {"task": "audit.purge", "schedule": crontab(hour=3, minute=30)},
    # Candidates learn soon after a call's deadline that their application is under assessment.
    "rapporteur-start-assessments": {
        "task": "roundtables.start_due_assessments",
        "schedule": crontab(minute="*/15"),
    },
}
# Beat keeps when each entry last ran in this file, so that a restart of the scheduler
# does not reset its timers; docker-compose puts it on a volume of its own.
CELERY_BEAT_SCHEDULE_FILENAME = env.str(
    "CELERY_BEAT_SCHEDULE_FILENAME", default=str(BASE_DIR / "celerybeat-schedule")
)
# A render beats every REPORT_HEARTBEAT_SECONDS while it works; one without a beat for
# REPORT_STALE_AFTER_SECONDS lost its worker and is queued again by the watchdog.
REPORT_HEARTBEAT_SECONDS = env.float("REPORT_HEARTBEAT_SECONDS", 10.0)
REPORT_STALE_AFTER_SECONDS = env.float("REPORT_STALE_AFTER_SECONDS", 60.0)
# A worker writes a heartbeat this often (core.heartbeat); a heartbeat not run within
# that time is dropped, not queued up behind a worker outage.
HEARTBEAT_SECONDS = env.float("HEARTBEAT_SECONDS", default=15.0)
CELERY_BEAT_SCHEDULE["worker-heartbeat"] = {
    "task": "core.heartbeat",
    "schedule": HEARTBEAT_SECONDS,
    "options": {"expires": HEARTBEAT_SECONDS},
}
# /readyz (and /healthz) expects a recent worker heartbeat whenever tasks go to a broker;
# set false for a web container whose readiness must not depend on the workers.
HEALTHZ_EXPECT_WORKER = env.bool("HEALTHZ_EXPECT_WORKER", default=CELERY_BROKER_URL is not None)
# How old (seconds) the worker heartbeat may be before /readyz reports the workers down.
READYZ_HEARTBEAT_MAX_AGE = env.int("READYZ_HEARTBEAT_MAX_AGE", default=60)

# The audit trail (audit app) is kept this long, then purged daily.
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=730)

# --- Security -----------------------------------------------------------------------------
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^(healthz|livez|readyz)$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
BEHIND_TLS_PROXY = env.bool("DJANGO_BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Sign-in rate limits count per client address. Behind a reverse proxy every request
# comes from the proxy: allauth must read the client's own address from the header the
# trusted proxy sets, or one person's failed logins lock everyone out.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int(
    "DJANGO_TRUSTED_PROXY_COUNT", default=1 if BEHIND_TLS_PROXY else 0
)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("DJANGO_TRUSTED_CLIENT_IP_HEADER", default=None)
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Open data ----------------------------------------------------------------------------
# Anonymous API clients: at most this many requests per period (seconds) per address.
OPENDATA_API_RATE_LIMIT = (
    env.int("OPENDATA_API_RATE_LIMIT", default=120),
    env.int("OPENDATA_API_RATE_PERIOD", default=60),
)

# --- Domain settings ----------------------------------------------------------------------
# Retention of personal data. The daily purge (stakeholders.tasks) applies these and the
# personal data notice (templates/stakeholders/privacy.html) prints them, so the two
# never disagree.
# Accreditation data (ID document, photo) is deleted this many days after a session ends,
# unless the session sets its own period.
ACCREDITATION_PURGE_DAYS = env.int("ACCREDITATION_PURGE_DAYS", default=30)
# Rapporteur candidates' CVs, and the assessors' scores, comments and recusals, are
# deleted this many days after the call's selection is confirmed.
RAPPORTEUR_RETENTION_DAYS = env.int("RAPPORTEUR_RETENTION_DAYS", default=180)
# An account whose email address was never verified is deleted this many days after
# sign-up.
UNVERIFIED_ACCOUNT_DAYS = env.int("UNVERIFIED_ACCOUNT_DAYS", default=30)
# Outgoing mail, once sent or given up on, is deleted from the outbox after this many days.
OUTBOX_RETENTION_DAYS = env.int("OUTBOX_RETENTION_DAYS", default=90)
# A registrations export of more rows than this is written by a Celery task to the
# private storage, and staff download it when it is ready.
EXPORT_SYNC_MAX_ROWS = env.int("EXPORT_SYNC_MAX_ROWS", default=5_000)
# Such an export file (and its row) is deleted this many days after it was asked for.
EXPORT_RETENTION_DAYS = env.int("EXPORT_RETENTION_DAYS", default=7)
# The version of the data-protection notice that a stakeholder consents to.
CONSENT_TEXT_VERSION = "2024-01"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}},
}
