"""Liveness and readiness.

Liveness (/livez) says the process answers: no I/O at all, so that a database or broker
outage never makes an orchestrator restart web processes that would only come back into
the same outage. Readiness (/readyz, and /healthz for what already probes it) says the
process can do its work: the database answers, the broker accepts a connection and a
worker has written its heartbeat recently (core.heartbeat). Each dependency is given at
most CHECK_TIMEOUT_S; nothing pings the workers through the broker.
"""

import os
import socket

from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from core.heartbeat import heartbeat_age

CHECK_TIMEOUT_S = 0.5


def _unreachable(host: str, port: int) -> str | None:
    """Why a TCP connection to the database server cannot be opened within
    CHECK_TIMEOUT_S, or None when it can."""
    try:
        with socket.create_connection((host, port), timeout=CHECK_TIMEOUT_S):
            return None
    except OSError as exc:
        return type(exc).__name__


def check_database() -> dict:
    if connection.vendor == "postgresql" and connection.connection is None:
        # Opening a connection waits for libpq's connect_timeout (2 s at the least):
        # probe the server's port first, within the check's own time.
        params = connection.settings_dict
        host = params.get("HOST") or ""
        if host and not host.startswith("/"):
            error = _unreachable(host, int(params.get("PORT") or 5432))
            if error:
                return {"ok": False, "required": True, "error": error}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return {"ok": False, "required": True, "error": type(exc).__name__}
    return {"ok": True, "required": True, "vendor": connection.vendor}


def check_broker() -> dict:
    if celery_app.conf.task_always_eager:
        return {"ok": True, "required": False, "mode": "eager"}
    try:
        with celery_app.connection_for_write(
            connect_timeout=CHECK_TIMEOUT_S,
            transport_options={
                "socket_connect_timeout": CHECK_TIMEOUT_S,
                "socket_timeout": CHECK_TIMEOUT_S,
            },
        ) as conn:
            # No retries: a probe reports the state now; the caller probes again.
            conn.ensure_connection(max_retries=0, timeout=CHECK_TIMEOUT_S)
    except Exception as exc:
        return {"ok": False, "required": True, "error": type(exc).__name__}
    return {"ok": True, "required": True, "mode": "broker"}


def check_worker(*, database_ok: bool) -> dict:
    """A worker ran the heartbeat task lately (which also proves that beat and the broker
    carry tasks). Read from the database: one SELECT, no broadcast to wait for."""
    if celery_app.conf.task_always_eager or not settings.HEALTHZ_EXPECT_WORKER:
        return {"ok": True, "required": False}
    if not database_ok:
        return {"ok": False, "required": True, "error": "database unavailable"}
    try:
        age = heartbeat_age(name="worker")
    except Exception as exc:
        return {"ok": False, "required": True, "error": type(exc).__name__}
    if age is None:
        return {"ok": False, "required": True, "error": "no heartbeat yet"}
    return {
        "ok": age <= settings.READYZ_HEARTBEAT_MAX_AGE,
        "required": True,
        "heartbeat_age_s": round(age, 1),
    }


def draining() -> bool:
    """True once gunicorn got SIGTERM and drains before it stops (config/gunicorn.py)."""
    flag = os.environ.get("GCM_DRAIN_FLAG")
    return bool(flag) and os.path.exists(flag)


def readiness() -> tuple[bool, dict]:
    if draining():
        return False, {"server": {"ok": False, "required": True, "error": "draining"}}
    database = check_database()
    checks = {
        "database": database,
        "broker": check_broker(),
        "worker": check_worker(database_ok=database["ok"]),
    }
    ready = all(check["ok"] for check in checks.values() if check["required"])
    return ready, checks
