import os

import pytest
from django.db import OperationalError

from config.celery import app as celery_app
from tests.support import use_broker


@pytest.mark.django_db
def test_healthz_embedded_mode_answers_200_with_database_up(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["broker"] == {"ok": True, "required": False, "mode": "eager"}
    assert body["checks"]["worker"]["required"] is False


@pytest.mark.django_db
def test_healthz_database_down_answers_503(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("config.health.connection.cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "ok": False,
        "required": True,
        "error": "OperationalError",
    }


@pytest.fixture
def broker_mode(settings):
    settings.HEALTHZ_EXPECT_WORKER = True
    saved = os.environ.get("CELERY_BROKER_URL") or celery_app.conf.broker_url
    use_broker(celery_app, task_always_eager=False)
    yield
    use_broker(celery_app, broker_url=saved)


@pytest.mark.django_db
def test_healthz_unreachable_broker_answers_503(client, broker_mode):
    use_broker(celery_app, broker_url="redis://127.0.0.1:1/0")

    response = client.get("/healthz")

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["broker"]["ok"] is False
    assert checks["worker"] == {"ok": False, "required": True, "error": "no heartbeat yet"}


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_broker_up_but_no_worker_answers_503(client, broker_mode, broker_url):
    use_broker(celery_app, broker_url=broker_url)

    response = client.get("/healthz")

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["broker"] == {"ok": True, "required": True, "mode": "broker"}
    assert checks["worker"]["ok"] is False


@pytest.mark.redis
def test_healthz_with_a_real_worker_answers_200(client, settings, celery_worker):
    import time

    from core.models import Heartbeat
    from core.tasks import heartbeat

    settings.HEALTHZ_EXPECT_WORKER = True
    heartbeat.delay()  # what Celery beat queues every HEARTBEAT_SECONDS
    for _ in range(50):
        if Heartbeat.objects.filter(name="worker").exists():
            break
        time.sleep(0.1)

    response = client.get("/healthz")

    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks["broker"]["ok"] is True
    assert checks["worker"]["ok"] is True
    assert checks["worker"]["heartbeat_age_s"] < 5


# --- liveness and readiness -------------------------------------------------------------


def test_livez_answers_without_any_io(client, monkeypatch):
    """No django_db mark: a database query would raise here."""

    def no_broker(*args, **kwargs):
        raise AssertionError("liveness must not touch the broker")

    monkeypatch.setattr(celery_app, "connection_for_write", no_broker)
    response = client.get("/livez")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_readyz_and_healthz_answer_the_same_checks(client):
    ready = client.get("/readyz")
    alias = client.get("/healthz")

    assert (ready.status_code, alias.status_code) == (200, 200)
    assert ready.json() == alias.json()
    assert set(ready.json()["checks"]) == {"database", "broker", "worker"}


@pytest.mark.django_db
def test_readyz_with_the_broker_port_closed_answers_503_within_a_second(client, broker_mode):
    import time

    use_broker(celery_app, broker_url="redis://127.0.0.1:1/0")

    started = time.monotonic()
    response = client.get("/readyz")
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert elapsed < 1.0
    checks = response.json()["checks"]
    assert checks["broker"]["ok"] is False
    assert checks["broker"]["error"] == "OperationalError"


def never_ping(*args, **kwargs):
    raise AssertionError("readiness must read the heartbeat, not ping the workers")


@pytest.mark.redis
@pytest.mark.django_db
def test_readyz_with_a_recent_worker_heartbeat_answers_200_without_pinging(
    client, broker_mode, broker_url, monkeypatch
):
    import time

    from core.heartbeat import heartbeat_record

    use_broker(celery_app, broker_url=broker_url)
    monkeypatch.setattr(celery_app.control, "ping", never_ping)
    heartbeat_record(name="worker")

    started = time.monotonic()
    response = client.get("/readyz")
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert elapsed < 1.0
    worker = response.json()["checks"]["worker"]
    assert (worker["ok"], worker["required"]) == (True, True)
    assert 0 <= worker["heartbeat_age_s"] < 5


@pytest.mark.redis
@pytest.mark.django_db
def test_readyz_with_a_stale_worker_heartbeat_answers_503(
    client, broker_mode, broker_url, monkeypatch, settings
):
    import datetime as dt

    from django.utils import timezone

    from core.heartbeat import heartbeat_record

    use_broker(celery_app, broker_url=broker_url)
    monkeypatch.setattr(celery_app.control, "ping", never_ping)
    heartbeat_record(
        name="worker",
        now=timezone.now() - dt.timedelta(seconds=settings.READYZ_HEARTBEAT_MAX_AGE + 1),
    )

    response = client.get("/readyz")

    assert response.status_code == 503
    worker = response.json()["checks"]["worker"]
    assert worker["ok"] is False
    assert worker["heartbeat_age_s"] > settings.READYZ_HEARTBEAT_MAX_AGE


@pytest.mark.django_db
def test_heartbeat_task_records_one_row_and_moves_it_forward():
    from core.models import Heartbeat
    from core.tasks import heartbeat

    heartbeat()
    first = Heartbeat.objects.get(name="worker").at
    heartbeat()

    assert Heartbeat.objects.count() == 1
    assert Heartbeat.objects.get(name="worker").at >= first


def test_database_probe_gives_up_on_a_closed_port_within_the_check_time():
    import time

    from config.health import CHECK_TIMEOUT_S, _unreachable

    started = time.monotonic()
    error = _unreachable("127.0.0.1", 1)

    assert error == "ConnectionRefusedError"
    assert time.monotonic() - started < CHECK_TIMEOUT_S


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_readyz_with_the_database_port_closed_answers_503_within_a_second(client):
    import time

    from django.db import connection

    connection.close()
    saved = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = "1"
    try:
        started = time.monotonic()
        response = client.get("/readyz")
        elapsed = time.monotonic() - started
    finally:
        connection.settings_dict["PORT"] = saved

    assert response.status_code == 503
    assert elapsed < 1.0
    assert response.json()["checks"]["database"]["ok"] is False
