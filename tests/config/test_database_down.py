"""While PostgreSQL is down people get a maintenance page in their language, not Django's
bare "Server Error (500)", and the site comes back by itself."""

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def refused(self, *args, **kwargs):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


@pytest.fixture
def database_down(monkeypatch):
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refused)
    return monkeypatch


def assert_maintenance_page(response, *, language: str, text: str) -> str:
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Language"] == language
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert f'lang="{language}"' in page
    assert text in page
    return page


def test_a_page_answers_503_in_french_while_the_database_is_down(client, database_down):
    response = client.get("/fr/")

    assert_maintenance_page(response, language="fr", text="Le site est momentanément indisponible")


def test_a_page_answers_503_in_arabic_right_to_left_while_the_database_is_down(
    client, database_down
):
    response = client.get("/ar/consultations/")

    page = assert_maintenance_page(response, language="ar", text="الموقع غير متاح مؤقتًا")
    assert 'dir="rtl"' in page


def test_a_signed_in_visitor_gets_the_page_when_a_middleware_meets_the_outage(database_down):
    """The session is read by a middleware, outside any view: the handler catches it."""
    client = Client(raise_request_exception=False)
    database_down.undo()
    client.force_login(UserFactory())
    database_down.setattr(BaseDatabaseWrapper, "cursor", refused)

    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")

    assert_maintenance_page(response, language="fr", text="Le site est momentanément indisponible")


def test_the_site_comes_back_by_itself_when_the_database_does(client, database_down):
    assert client.get("/en/").status_code == 503

    database_down.undo()

    assert client.get("/en/").status_code == 200


def test_other_errors_still_answer_500(client, monkeypatch):
    from config import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "review_list", broken)
    client.raise_request_exception = False

    response = client.get("/en/")

    assert response.status_code == 500


def test_liveness_stays_up_and_readiness_goes_down_while_the_database_is_down(
    client, database_down
):
    live = client.get("/livez")
    ready = client.get("/readyz")

    assert (live.status_code, ready.status_code) == (200, 503)
    assert ready.json()["checks"]["database"] == {
        "ok": False,
        "required": True,
        "error": "OperationalError",
    }
