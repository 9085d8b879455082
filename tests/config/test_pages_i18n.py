import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language_prefix(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(
    ("language", "direction", "text"),
    [
        ("en", "ltr", "Upcoming sessions"),
        ("fr", "ltr", "Sessions à venir"),
        ("es", "ltr", "Próximas sesiones"),
        ("ru", "ltr", "Предстоящие"),
        ("zh-hans", "ltr", "即将"),
        ("ar", "rtl", "القادمة"),
    ],
)
def test_home_renders_in_each_language_with_its_direction(client, language, direction, text):
    response = client.get(f"/{language}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert text in html


def test_language_switcher_keeps_the_page(client):
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": "/en/consultations/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/fr/consultations/"


def test_pages_send_a_content_security_policy_and_have_no_inline_script(client):
    response = client.get("/en/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "default-src 'self'" in policy
    scripts = re.findall(r"<script([^>]*)>", response.content.decode())
    assert scripts
    assert all("src=" in attributes for attributes in scripts)


def test_admin_login_leads_to_the_site_sign_in(client):
    response = client.get("/admin/login/", follow=True)

    assert response.redirect_chain == [("/en/accounts/login/?next=%2Fadmin%2F", 302)]
    assert response.status_code == 200
    assert b'name="login"' in response.content
