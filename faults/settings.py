"""Settings of the processes the fault harness starts (gunicorn, worker, beat, setup):
production-like (DEBUG off, PostgreSQL, a Redis broker and cache, SMTP) on loopback. The
harness passes every address and folder in the environment (faults/stack.py); only what
the environment cannot say is set here."""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "faults-only-" + "k" * 60)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_STATIC_MANIFEST", "false")

from django.core.exceptions import ImproperlyConfigured

from config.settings import *  # noqa: F403
from config.settings import STORAGES

# Plain HTTP on loopback: cookies must travel without TLS.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# A sink that stops answering must not hold a worker for ever.
EMAIL_TIMEOUT = 10

# The read-only fault of the private storage: root ignores file permissions, so the
# storage itself refuses writes (EROFS) while the harness's flag file exists. A storage
# the switch cannot replace would make the experiment pass without a fault: refuse.
if STORAGES["private"]["BACKEND"] != "core.storage.PrivateFileSystemStorage":
    raise ImproperlyConfigured(
        f"faults expects the private storage on local disk, not {STORAGES['private']}"
    )
STORAGES["private"] = {**STORAGES["private"], "BACKEND": "faults.storage.ReadOnlySwitch"}
