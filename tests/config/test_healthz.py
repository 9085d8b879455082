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
    assert checks["worker"] == {"ok": False, "required": True, "error": "broker unavailable"}


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
    settings.HEALTHZ_EXPECT_WORKER = True

    response = client.get("/healthz")

    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks["broker"]["ok"] is True
    assert checks["worker"]["ok"] is True
    assert checks["worker"]["workers"] >= 1
