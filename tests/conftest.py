"""Fixtures shared by the whole suite.

Tests that need a real service carry a marker (postgres, redis, browser). Locally a
missing service skips them; with GCM_REQUIRE_SERVICES=1 (set by .ci/run) it fails them,
so CI can never go green by skipping what it was meant to test.
"""

import importlib
import os
import shutil
from types import SimpleNamespace

import pytest
from django.db import connection
from django.utils import translation

from tests.support import REFERENCE_DATA_MIGRATIONS, use_broker

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from
# that thread are then refused unless this is set (documented Playwright + Django setup).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REQUIRE_SERVICES = os.environ.get("GCM_REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("GCM_CHROMIUM", "/usr/bin/chromium")


def service_missing(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (GCM_REQUIRE_SERVICES=1: a missing service fails the test)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _language():
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _cache():
    """allauth keeps its rate limits in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _eager_celery():
    """Tasks run in-process unless a test starts a real worker (see `celery_worker`)."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "private": {
            "BACKEND": "core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }


@pytest.fixture(autouse=True)
def _postgres_marker(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        service_missing("needs PostgreSQL: set DATABASE_URL=postgresql://...")


@pytest.fixture
def broker_url():
    """A reachable Redis broker: CELERY_BROKER_URL's server (or the local default), on a
    database of its own so a developer's running worker never takes the tests' tasks."""
    import redis

    server = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/0"
    database = os.environ.get("GCM_TEST_BROKER_DB", "15")
    base = server.rsplit("/", 1)[0] if server.count("/") >= 3 else server
    url = f"{base}/{database}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        service_missing(f"needs a Redis broker at {url}")
    return url


@pytest.fixture
def celery_worker(broker_url, transactional_db):
    """A real Celery worker, in a thread of this process, consuming from Redis."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    saved = {
        "broker_url": os.environ.get("CELERY_BROKER_URL") or app.conf.broker_url,
        "task_always_eager": app.conf.task_always_eager,
    }
    use_broker(app, broker_url=broker_url, task_always_eager=False)
    with start_worker(app, pool="solo", perform_ping_check=False) as worker:
        yield worker
    use_broker(app, **saved)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        service_missing(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests (live server, real worker) end by flushing the database,
    reference data included; put the migrations' reference data back when it is gone."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(
        marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    ) or bool({"transactional_db", "live_server"} & set(request.fixturenames))
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    from gcm.models import Region

    if not Region.objects.exists():
        for name in REFERENCE_DATA_MIGRATIONS:
            migration = importlib.import_module(f"gcm.migrations.{name}")
            migration.load(apps, SimpleNamespace(connection=connection))


@pytest.fixture(autouse=True)
def _staff_signed_in_with_second_factor(request, monkeypatch):
    """`client.force_login(staff)` stands for a complete sign-in, which for staff includes
    the second factor. Tests of the second factor itself use the `password_only` marker."""
    if request.node.get_closest_marker("password_only"):
        return
    from django.test import Client

    from tests.support import pass_second_factor

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if user.is_staff or user.is_superuser:
            pass_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
