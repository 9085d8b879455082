"""Sign-in rate limits count per client, also behind a reverse proxy, and a locked-out
person is offered the password reset."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def fail_logins(client, *, client_ip: str, times: int = 10):
    for attempt in range(times):
        client.post(
            reverse("account_login"),
            {"login": f"nobody{attempt}@example.org", "password": "wrong-password"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=client_ip,
        )


def sign_in(client, email, *, client_ip: str):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_ip,
    )


def test_rate_limit_behind_proxy_locks_out_only_the_failing_client(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    UserFactory(email="amina@example.org")
    fail_logins(client, client_ip="203.0.113.5")

    locked = sign_in(client, "amina@example.org", client_ip="203.0.113.5")
    other = sign_in(client, "amina@example.org", client_ip="198.51.100.7")

    assert locked.status_code == 200
    assert locked.context["form"].locked_out is True
    assert other.status_code == 302


def test_rate_limit_without_trusted_proxy_locks_out_everyone_behind_it(client, settings):
    """Why the setting exists: keyed on the proxy's address, one person's failures lock
    out another behind the same proxy."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    UserFactory(email="amina@example.org")
    fail_logins(client, client_ip="203.0.113.5")

    other = sign_in(client, "amina@example.org", client_ip="198.51.100.7")

    assert other.status_code == 200
    assert other.context["form"].locked_out is True


def test_locked_out_sign_in_offers_the_password_reset(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    fail_logins(client, client_ip="203.0.113.5")

    response = sign_in(client, "amina@example.org", client_ip="203.0.113.5")

    content = response.content.decode()
    assert "Too many failed login attempts" in content
    assert f'href="{reverse("account_reset_password")}"' in content


def test_failed_sign_in_without_lock_out_does_not_offer_the_reset_notice(client):
    response = client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "wrong"}
    )

    assert response.context["form"].locked_out is False
    assert "You can set a new one now instead of waiting" not in response.content.decode()


def test_behind_tls_proxy_trusts_one_proxy_by_default():
    from tests.config.test_settings import run_django

    result = run_django(
        "from django.conf import settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT)",
        DJANGO_BEHIND_TLS_PROXY="true",
    )

    assert result.stdout.split() == ["1"]
