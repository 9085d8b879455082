"""Fixtures shared by the whole suite.

Tests that need a real service carry a marker (postgres, redis, browser). Before such a
test is set up, the service is checked, whether or not the test uses a fixture that needs
it: locally a missing service skips the test; with GCM_REQUIRE_SERVICES=1 (set by .ci/run)
it fails it, so CI can never go green by skipping what it was meant to test.
"""

import contextlib
import functools
import importlib
import os
import shutil
from collections.abc import Callable, Mapping
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from tests.support import REFERENCE_DATA_MIGRATIONS, use_broker

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from
# that thread are then refused unless this is set (documented Playwright + Django setup).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# tests/test_conftest.py runs the suite's own conftest on throwaway test files.
pytest_plugins = ["pytester"]

REQUIRE_SERVICES = os.environ.get("GCM_REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("GCM_CHROMIUM", "/usr/bin/chromium")


def service_missing(reason: str, *, require: bool | None = None) -> None:
    """Skip the test for a missing service, or fail it when services are required."""
    if REQUIRE_SERVICES if require is None else require:
        pytest.fail(f"{reason} (GCM_REQUIRE_SERVICES=1: a missing service fails the test)")
    pytest.skip(reason)


def broker_url_for_tests() -> str:
    """CELERY_BROKER_URL's server (or the local default), on a database of its own
    (GCM_TEST_BROKER_DB) so that a developer's running worker never takes the tests'
    tasks."""
    server = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/0"
    database = os.environ.get("GCM_TEST_BROKER_DB", "15")
    base = server.rsplit("/", 1)[0] if server.count("/") >= 3 else server
    return f"{base}/{database}"


def postgres_missing() -> str | None:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgresql://..."
    return None


def redis_missing() -> str | None:
    return _redis_missing(broker_url_for_tests())


@functools.cache
def _redis_missing(url: str) -> str | None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2).ping()
    except redis.RedisError:
        return f"needs a Redis broker at {url}"
    return None


def chromium_missing() -> str | None:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        return f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


# Marker -> why its service is missing here (None when it is available).
SERVICE_CHECKS: Mapping[str, Callable[[], str | None]] = {
    "postgres": postgres_missing,
    "redis": redis_missing,
    "browser": chromium_missing,
}


def check_service_markers(
    item, *, checks: Mapping[str, Callable[[], str | None]] = SERVICE_CHECKS, require=None
) -> None:
    """Skip or fail (see service_missing) a test whose marked service is missing."""
    for marker, missing in checks.items():
        if item.get_closest_marker(marker) is not None:
            reason = missing()
            if reason:
                service_missing(reason, require=require)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before any fixture: a browser test is refused before Chromium is launched.
    check_service_markers(item)


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


@pytest.fixture
def broker_url():
    """A reachable Redis broker for the tests (see broker_url_for_tests)."""
    reason = redis_missing()
    if reason:
        service_missing(reason)
    return broker_url_for_tests()


@pytest.fixture
def celery_worker(broker_url, transactional_db):
    """A real Celery worker, in a thread of this process, consuming from Redis. A worker
    that cannot start counts as a missing service."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    saved = {
        "broker_url": os.environ.get("CELERY_BROKER_URL") or app.conf.broker_url,
        "task_always_eager": app.conf.task_always_eager,
    }
    use_broker(app, broker_url=broker_url, task_always_eager=False)
    try:
        with contextlib.ExitStack() as stack:
            try:
                worker = stack.enter_context(
                    start_worker(app, pool="solo", perform_ping_check=False)
                )
            except Exception as exc:
                service_missing(f"a Celery worker could not start on {broker_url}: {exc!r}")
            yield worker
    finally:
        use_broker(app, **saved)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    reason = chromium_missing()
    if reason:
        service_missing(reason)
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
    from django.contrib.auth.models import Group

    roles = importlib.import_module("core.migrations.0002_staff_roles")
    if Group.objects.filter(name__in=roles.ROLES).count() != len(roles.ROLES):
        roles.create_roles(apps, None)
    # The site allauth names in its mails and pages (stakeholders/migrations/0002).
    from django.contrib.sites.models import Site

    if not Site.objects.filter(pk=settings.SITE_ID).exists():
        importlib.import_module("stakeholders.migrations.0002_site_name").name_site(apps, None)
    Site.objects.clear_cache()


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


class BrokenStorage:
    """The private storage failing to write (disk full, object store gone): every _save
    raises OSError until `repair()`."""

    error = OSError(28, "No space left on device")

    def __init__(self, monkeypatch):
        from core.storage import PrivateFileSystemStorage

        self._monkeypatch = monkeypatch
        self.attempts = 0

        def _save(storage, name, content):
            self.attempts += 1
            raise self.error

        monkeypatch.setattr(PrivateFileSystemStorage, "_save", _save)

    def repair(self) -> None:
        self._monkeypatch.undo()


@pytest.fixture
def broken_storage(monkeypatch):
    """The private storage refuses every write (see BrokenStorage)."""
    return BrokenStorage(monkeypatch)
