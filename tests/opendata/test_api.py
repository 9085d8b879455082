"""The public API: content in the language asked for, filters, pages, ETag / 304, CORS,
the anonymous rate limit, and the query count of each list."""

import datetime as dt

import pytest
from django.utils import timezone

from consultations.enums import RegistrationStatus, SessionStatus
from consultations.selectors import session_public
from roundtables.enums import InputStatus
from roundtables.selectors.inputs import inputs_public
from tests.factories import RegistrationFactory, ReviewFactory, SessionFactory
from tests.factories.reports import ready_report
from tests.factories.roundtables import CallFactory, InputFactory, RoundtableFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return ReviewFactory(slug="unece-2024", title="Regional Review", title_fr="Examen régional")


@pytest.fixture
def session(review):
    return SessionFactory(
        review=review,
        slug="thematic",
        title="Thematic consultation",
        title_fr="Consultation thématique",
        capacity_in_person=10,
        capacity_online=None,
    )


def published_input(review, **kwargs):
    return InputFactory(review=review, status=InputStatus.ACCEPTED, publish_consent=True, **kwargs)


def test_sessions_list_in_english_by_default(client, session):
    response = client.get("/api/v1/sessions")

    body = response.json()
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert body["count"] == 1
    assert body["results"][0]["title"] == "Thematic consultation"
    assert body["results"][0]["kind_label"] == "Thematic consultation"


def test_sessions_list_in_french_by_parameter(client, session):
    response = client.get("/api/v1/sessions?lang=fr")

    result = response.json()["results"][0]
    assert response["Content-Language"] == "fr"
    assert result["title"] == "Consultation thématique"
    assert result["format_label"] == "Hybride"


def test_sessions_list_in_french_by_accept_language(client, session):
    response = client.get("/api/v1/sessions", HTTP_ACCEPT_LANGUAGE="fr-CH, fr;q=0.9, en;q=0.5")

    assert response["Content-Language"] == "fr"
    assert response["Vary"].count("Accept-Language") == 1
    assert response.json()["results"][0]["title"] == "Consultation thématique"


def test_sessions_untranslated_content_falls_back_to_english(client, review):
    SessionFactory(review=review, title="Only in English")

    response = client.get("/api/v1/sessions?lang=ru")

    assert response["Content-Language"] == "ru"
    assert response.json()["results"][0]["title"] == "Only in English"


def test_session_times_carry_their_time_zone_and_seats_left(client, session):
    RegistrationFactory(session=session, mode="in-person")
    RegistrationFactory(session=session, mode="in-person", status=RegistrationStatus.CANCELLED)

    result = client.get("/api/v1/sessions/thematic").json()

    local = session.starts_at.astimezone(session.tzinfo)
    assert result["starts_at"] == local.isoformat()
    assert result["time_zone"] == "Europe/Zurich"
    assert result["modes"] == [
        {"mode": "in-person", "label": "In person", "capacity": 10, "seats_left": 9},
        {"mode": "online", "label": "Online", "capacity": None, "seats_left": None},
    ]
    assert result["registration"]["closes_at"] == (
        session.registration_closes_at.astimezone(session.tzinfo).isoformat()
    )


def test_sessions_drafts_are_not_public(client, review):
    SessionFactory(review=review, slug="draft", status=SessionStatus.DRAFT)

    assert client.get("/api/v1/sessions").json()["count"] == 0
    assert client.get("/api/v1/sessions/draft").status_code == 404


def test_sessions_filters_by_review_kind_and_upcoming(client, review, session):
    other = SessionFactory(kind="gcm-talk")
    SessionFactory(
        review=review,
        slug="past",
        starts_at=timezone.now() - dt.timedelta(days=3),
        ends_at=timezone.now() - dt.timedelta(days=3) + dt.timedelta(hours=2),
    )

    by_review = client.get("/api/v1/sessions?review=unece-2024").json()
    by_kind = client.get("/api/v1/sessions?kind=gcm-talk").json()
    upcoming = client.get("/api/v1/sessions?review=unece-2024&upcoming=true").json()

    assert [s["slug"] for s in by_review["results"]] == ["past", "thematic"]
    assert [s["slug"] for s in by_kind["results"]] == [other.slug]
    assert [s["slug"] for s in upcoming["results"]] == ["thematic"]


def test_sessions_pages_link_to_each_other(client, review):
    for day in range(3):
        SessionFactory(review=review, starts_at=timezone.now() + dt.timedelta(days=10 + day))

    first = client.get("/api/v1/sessions?page_size=2").json()
    second = client.get("/api/v1/sessions?page_size=2&page=2").json()

    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["next"] == "http://testserver/api/v1/sessions?page_size=2&page=2"
    assert first["previous"] is None
    assert len(second["results"]) == 1
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/sessions?page_size=2&page=1"


def test_sessions_page_size_over_the_maximum_is_refused(client):
    response = client.get("/api/v1/sessions?page_size=101")

    assert response.status_code == 422


@pytest.mark.parametrize("rows", [1, 12])
def test_sessions_list_query_count_does_not_grow(client, django_assert_num_queries, review, rows):
    for _ in range(rows):
        RegistrationFactory(session=SessionFactory(review=review))

    # fingerprint (2), count, rows, seats left
    with django_assert_num_queries(5):
        response = client.get("/api/v1/sessions")

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 12])
def test_inputs_list_query_count_does_not_grow(client, django_assert_num_queries, review, rows):
    for _ in range(rows):
        published_input(review, objectives=[2, 21])

    # fingerprint, count, rows, objectives
    with django_assert_num_queries(4):
        response = client.get("/api/v1/inputs")

    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 12])
def test_reports_list_query_count_does_not_grow(client, django_assert_num_queries, rows):
    for _ in range(rows):
        ready_report(published=True)

    # fingerprint (3), count, rows
    with django_assert_num_queries(5):
        response = client.get("/api/v1/reports")

    assert response.json()["count"] == rows


def test_inputs_filters_by_objective_roundtable_sector_and_country(client, review):
    RoundtableFactory(review=review, number=2, objectives=[8, 21])
    on_return = published_input(review, title="Return", objectives=[21], country="FR")
    filed = published_input(review, title="Filed", country="CH")
    filed.roundtable = RoundtableFactory(review=review, number=3)
    filed.save()
    published_input(review, title="Elsewhere", objectives=[5], country="CH", sector=None)

    def titles(query):
        return [i["title"] for i in client.get(f"/api/v1/inputs?{query}").json()["results"]]

    assert titles("objective=21") == ["Return"]
    assert titles("review=unece-2024&roundtable=2") == ["Return"]
    assert titles("roundtable=3") == ["Filed"]
    assert titles("country=FR") == ["Return"]
    assert titles("sector=civil-society") == ["Return", "Filed"]
    assert titles("review=no-such-review") == []
    assert on_return.pk != filed.pk


def test_inputs_in_french_keep_their_own_text(client, review):
    published_input(review, title="Retour digne", text="Le retour doit être sûr.", language="fr")

    result = client.get("/api/v1/inputs?lang=fr").json()["results"][0]

    assert result["title"] == "Retour digne"
    assert result["language"] == "fr"
    assert result["type_label"] == "Contenu"
    assert result["sector"] == {"code": "civil-society", "name": "Société civile"}
    assert result["country"] == {"code": "CH", "name": "Suisse"}


def test_roundtables_give_the_coverage_of_the_23_objectives(client, review):
    RoundtableFactory(review=review, number=1, objectives=[1, 2])
    RoundtableFactory(review=review, number=2, objectives=[2, 3])

    body = client.get("/api/v1/reviews/unece-2024/roundtables").json()

    assert [rt["number"] for rt in body["roundtables"]] == [1, 2]
    assert len(body["coverage"]["objectives"]) == 23
    assert body["coverage"]["objectives"][1]["roundtables"] == [1, 2]
    assert body["coverage"]["uncovered"] == list(range(4, 24))
    assert body["coverage"]["in_several"] == [2]


def test_rapporteur_calls_lists_only_open_calls(client, review):
    CallFactory(review=review, slug="open-call")
    CallFactory(review=review, slug="later", opens_at=timezone.now() + dt.timedelta(days=2))
    CallFactory(review=review, slug="unpublished", is_published=False)

    body = client.get("/api/v1/rapporteur-calls").json()

    assert [call["slug"] for call in body] == ["open-call"]
    assert body[0]["criteria"] == ["Experience", "Voice"]


def test_reports_list_published_with_download_links(client):
    published = ready_report(published=True)
    ready_report(published=False)

    body = client.get("/api/v1/reports?lang=fr").json()

    assert body["count"] == 1
    assert body["results"][0]["download"] == f"http://testserver/fr/reports/{published.pk}/pdf/"
    assert body["results"][0]["kind_label"] == "Rapport de synthèse de la consultation"


def test_etag_answers_304_until_the_data_changes(client, session):
    first = client.get("/api/v1/sessions")

    same = client.get("/api/v1/sessions", HTTP_IF_NONE_MATCH=first["ETag"])
    RegistrationFactory(session=session, mode="in-person")
    changed = client.get("/api/v1/sessions", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert same.status_code == 304
    assert same["ETag"] == first["ETag"]
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_etag_differs_between_languages(client, session):
    english = client.get("/api/v1/sessions")
    french = client.get("/api/v1/sessions?lang=fr", HTTP_IF_NONE_MATCH=english["ETag"])

    assert french.status_code == 200
    assert french["ETag"] != english["ETag"]


def test_last_modified_answers_304_to_if_modified_since(client, review):
    published_input(review)
    first = client.get("/api/v1/inputs")

    response = client.get("/api/v1/inputs", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert response.status_code == 304


def test_etag_of_a_small_document_is_its_digest(client, review):
    first = client.get("/api/v1/reviews")

    same = client.get("/api/v1/reviews", HTTP_IF_NONE_MATCH=first["ETag"])
    review.title = "Renamed"
    review.save()
    changed = client.get("/api/v1/reviews", HTTP_IF_NONE_MATCH=first["ETag"])

    assert same.status_code == 304
    assert changed.status_code == 200


def test_cors_allows_any_origin_to_read_without_credentials(client, session):
    response = client.get("/api/v1/sessions", HTTP_ORIGIN="https://www.unece.org")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_preflight_offers_read_methods_only(client):
    response = client.options(
        "/api/v1/sessions",
        HTTP_ORIGIN="https://www.unece.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_cors_headers_stay_off_the_site(client):
    response = client.get("/en/", HTTP_ORIGIN="https://www.unece.org")

    assert "Access-Control-Allow-Origin" not in response


def test_api_refuses_writes(client):
    response = client.post("/api/v1/sessions", {}, HTTP_ORIGIN="https://www.unece.org")

    assert response.status_code == 405
    assert "Access-Control-Allow-Origin" not in response


def test_head_answers_headers_without_a_body(client, session):
    response = client.head("/api/v1/sessions")

    assert response.status_code == 200
    assert response["ETag"]
    assert response.content == b""


def test_rate_limit_answers_429_with_retry_after(client, settings):
    settings.OPENDATA_API_RATE_LIMIT = (2, 60)

    statuses = [client.get("/api/v1/objectives").status_code for _ in range(3)]
    limited = client.get("/api/v1/objectives")

    assert statuses == [200, 200, 429]
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited["Access-Control-Allow-Origin"] == "*"


def test_rate_limit_behind_a_proxy_counts_each_client(client, settings):
    settings.OPENDATA_API_RATE_LIMIT = (1, 60)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def get(address):
        return client.get(
            "/api/v1/objectives", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address
        ).status_code

    assert [get("203.0.113.5"), get("198.51.100.7"), get("203.0.113.5")] == [200, 200, 429]


def test_docs_page_is_served_by_the_site_without_inline_script(client):
    response = client.get("/api/v1/docs")

    html = response.content.decode()
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert '<script src="/static/ninja/swagger-ui-bundle.js" defer></script>' in html
    assert '<script src="/static/opendata/api-docs.js" defer></script>' in html
    assert html.count("<script") == 2
    assert 'data-schema-url="/api/v1/schema"' in html
    assert "cdn" not in html.lower()


@pytest.mark.parametrize(
    "path",
    ["ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "opendata/api-docs.js"],
)
def test_docs_page_assets_are_served_locally(client, path):
    response = client.get(f"/static/{path}")
    content = b"".join(response.streaming_content)
    response.close()

    assert response.status_code == 200
    assert len(content) > 100


@pytest.mark.parametrize(("headers", "language"), [({}, "en"), ({"lang": "fr"}, "fr")])
def test_demo_sessions_and_inputs_are_listed_anonymously(client, headers, language):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)

    sessions = client.get("/api/v1/sessions", {"page_size": 100, **headers})
    inputs = client.get("/api/v1/inputs", {"page_size": 100, **headers})

    assert sessions.status_code == inputs.status_code == 200
    assert sessions["Content-Language"] == inputs["Content-Language"] == language
    # Every public session and published input of the demo, whatever it holds.
    assert sessions.json()["count"] == session_public().count() > 0
    assert inputs.json()["count"] == inputs_public().count() > 0
    assert "unece-pre-consultation-2023-11-14" in {s["slug"] for s in sessions.json()["results"]}
