import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_KEY = "k3y-" + "x9Qp2Lr7Vt5Wz8Yb4Nc6Md1Fh0Gj3Sk7" * 2

SETTINGS_ENV = (
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "EMAIL_URL",
    "CACHE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "S3_BUCKET",
)


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_embedded_defaults_without_environment():
    result = run_django(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
        "s.EMAIL_BACKEND, s.DEBUG)"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "True",
    ]


def test_settings_database_url_selects_postgresql_and_broker_url_a_worker():
    result = run_django(
        "from django.conf import settings as s; from django.db import connection; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL, connection.Database.__name__)",
        DATABASE_URL="postgresql://gcm@db.example:5432/gcm",
        CELERY_BROKER_URL="redis://redis.example:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "gcm",
        "False",
        "redis://redis.example:6379/0",
        "psycopg",
    ]


def test_settings_production_refuses_the_development_secret_key():
    result = run_django("print('started')", DJANGO_DEBUG="false")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
    assert "started" not in result.stdout


def test_settings_production_passes_check_deploy_without_warnings():
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    clean.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=PRODUCTION_KEY,
        DJANGO_ALLOWED_HOSTS="consultations.example.org",
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_settings_s3_bucket_puts_uploads_and_private_files_in_the_object_store():
    result = run_django(
        "from django.conf import settings as s; "
        "private = s.STORAGES['private']; "
        "print(s.STORAGES['default']['BACKEND'], private['BACKEND'], "
        "private['OPTIONS']['location'], private['OPTIONS']['default_acl'])",
        S3_BUCKET="gcm-files",
        S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "core.storage_s3.PrivateS3Storage",
        "private",
        "private",
    ]


def test_settings_a_redis_cache_url_gets_the_fail_open_cache():
    result = run_django(
        "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])",
        CACHE_URL="redis://redis.example:6379/1",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["core.cache.FailOpenRedisCache"]
