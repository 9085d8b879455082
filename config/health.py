"""Readiness checks behind /healthz: the database, the broker and, where tasks go to a
broker, at least one worker."""

from django.conf import settings
from django.db import connection

from config.celery import app as celery_app

TIMEOUT_S = 2.0


def check_database() -> dict:
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
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=TIMEOUT_S)
    except Exception as exc:
        return {"ok": False, "required": True, "error": type(exc).__name__}
    return {"ok": True, "required": True, "mode": "broker"}


def check_worker(*, broker_ok: bool) -> dict:
    if celery_app.conf.task_always_eager or not settings.HEALTHZ_EXPECT_WORKER:
        return {"ok": True, "required": False}
    if not broker_ok:
        return {"ok": False, "required": True, "error": "broker unavailable"}
    try:
        replies = celery_app.control.ping(timeout=TIMEOUT_S, limit=1)
    except Exception as exc:
        return {"ok": False, "required": True, "error": type(exc).__name__}
    return {"ok": bool(replies), "required": True, "workers": len(replies)}


def health() -> tuple[bool, dict]:
    broker = check_broker()
    checks = {
        "database": check_database(),
        "broker": broker,
        "worker": check_worker(broker_ok=broker["ok"]),
    }
    healthy = all(check["ok"] for check in checks.values() if check["required"])
    return healthy, checks
