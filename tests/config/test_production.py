"""The production settings, exercised rather than read: gunicorn with DEBUG off serves the
site through WhiteNoise with HSTS, Secure cookies and the CSP, and its own error pages in
the visitor's language."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.config.test_settings import PRODUCTION_KEY, ROOT, SETTINGS_ENV
from tests.factories import PASSWORD

HTTPS = {"X-Forwarded-Proto": "https"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("production")
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.config.production_settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=PRODUCTION_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_BEHIND_TLS_PROXY="true",
        DATABASE_URL=f"sqlite:///{base / 'db.sqlite3'}",
        STATIC_ROOT=str(base / "static"),
        MEDIA_ROOT=str(base / "media"),
        PRIVATE_MEDIA_ROOT=str(base / "private"),
        DJANGO_LOG_LEVEL="CRITICAL",
    )
    python = sys.executable

    def manage(*args):
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [python, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
        )

    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput")
    manage(
        "shell",
        "-c",
        "from tests.factories import UserFactory; UserFactory(email='amina@example.org')",
    )
    port = _free_port()
    gunicorn = Path(python).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 - the project's own gunicorn
        [str(gunicorn), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def request(port, method, path, *, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    return response, response.read().decode("utf-8", errors="replace")


def test_production_sends_hsts_csp_and_nosniff_over_https(site):
    response, _html = request(site, "GET", "/en/", headers=HTTPS)

    assert response.status == 200
    assert response.getheader("Strict-Transport-Security") == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert "script-src 'self'" in response.getheader("Content-Security-Policy")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("X-Frame-Options") == "DENY"


def test_production_redirects_plain_http_to_https(site):
    response, _html = request(site, "GET", "/en/")

    assert response.status == 301
    assert response.getheader("Location") == "https://127.0.0.1/en/"


def test_production_serves_hashed_static_files_with_whitenoise(site):
    _response, html = request(site, "GET", "/en/", headers=HTTPS)
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)

    response, css = request(site, "GET", stylesheet, headers=HTTPS)

    assert response.status == 200
    assert "immutable" in response.getheader("Cache-Control")
    assert ".site-header" in css


def test_production_cookies_are_secure(site):
    response, html = request(site, "GET", "/en/accounts/login/", headers=HTTPS)
    csrf_cookie = response.getheader("Set-Cookie")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    csrf_value = re.search(r"csrftoken=([^;]+)", csrf_cookie).group(1)

    signed_in, _html = request(
        site,
        "POST",
        "/en/accounts/login/",
        headers={
            **HTTPS,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_value}",
            "Referer": "https://127.0.0.1/en/accounts/login/",
        },
        body=f"csrfmiddlewaretoken={token}&login=amina%40example.org&password={PASSWORD}",
    )

    assert "; Secure" in csrf_cookie
    assert signed_in.status == 302
    session_cookie = next(
        value for name, value in signed_in.getheaders() if value.startswith("sessionid=")
    )
    assert "; Secure" in session_cookie
    assert "; HttpOnly" in session_cookie


@pytest.mark.parametrize(
    ("path", "status", "lang", "text"),
    [
        ("/fr/no-such-page/", 404, "fr", "Page introuvable"),
        ("/ar/test-failure/", 500, "ar", "حدث خطأ من جانبنا"),
        ("/es/test-forbidden/", 403, "es", "No tiene permiso para hacer esto"),
        ("/en/no-such-page/", 404, "en", "Page not found"),
    ],
)
def test_production_error_pages_are_the_sites_own_in_the_visitors_language(
    site, path, status, lang, text
):
    response, html = request(site, "GET", path, headers=HTTPS)

    assert response.status == status
    assert f'<html lang="{lang}"' in html
    assert text in html
    assert "script-src 'self'" in response.getheader("Content-Security-Policy")


def test_production_expired_form_page_in_the_visitors_language(site):
    response, html = request(
        site,
        "POST",
        "/ru/accounts/login/",
        headers={**HTTPS, "Referer": "https://127.0.0.1/ru/accounts/login/"},
        body="login=x&password=y",
    )

    assert response.status == 403
    assert '<html lang="ru"' in html
    assert "Срок действия этой формы истёк" in html


def test_production_bad_host_gets_the_sites_400_page(site):
    response, html = request(site, "GET", "/en/", headers={**HTTPS, "Host": "evil.example"})

    assert response.status == 400
    assert "This request could not be understood" in html
