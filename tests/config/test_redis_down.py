"""The site without Redis: the cache fails open, tasks wait in the database.

The cache (sign-in rate limits, calendar files, datasets) and the broker both point at a
closed port, as when the one Redis of a deployment is down.
"""

import os

import pytest
from django.urls import reverse

from config.celery import app as celery_app
from consultations.models import Registration
from core.cache import cache_config
from outbox.enums import MailStatus
from outbox.models import OutgoingMail
from tests.factories import PASSWORD, SessionFactory, UserFactory, stakeholder
from tests.support import use_broker

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": cache_config(CLOSED_PORT),
    }  # as CACHE_URL gives
    saved = os.environ.get("CELERY_BROKER_URL") or celery_app.conf.broker_url
    use_broker(celery_app, broker_url=CLOSED_PORT, task_always_eager=False)
    yield
    use_broker(celery_app, broker_url=saved)


def test_sign_in_works_while_redis_is_down(client, redis_down):
    user = UserFactory(email="omar@example.org")

    response = client.post(
        reverse("account_login"), {"login": "omar@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_password_is_refused_while_redis_is_down(client, redis_down):
    UserFactory(email="omar@example.org")

    response = client.post(
        reverse("account_login"), {"login": "omar@example.org", "password": "wrong-password"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_registration_is_accepted_and_its_mail_waits_while_redis_is_down(
    client, redis_down, django_capture_on_commit_callbacks
):
    session = SessionFactory()
    user = stakeholder()
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consultations:register", args=[session.slug]),
            {"mode": "online", "if_full": "waitlist"},
        )

    assert response.status_code == 302
    assert Registration.objects.filter(session=session, user=user).exists()
    waiting = OutgoingMail.objects.get(to=user.email)
    assert (waiting.status, waiting.attempts, waiting.handed_at) == (MailStatus.QUEUED, 0, None)
    assert client.get(response["Location"]).status_code == 200


def test_readiness_reports_the_broker_down_while_redis_is_down(client, redis_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
    assert response.json()["checks"]["database"]["ok"] is True
