"""Search across sessions, roundtables, published inputs and published reports: on
SQLite (make run) and, marked postgres, with PostgreSQL's full-text search."""

import pytest
from django.urls import reverse

from consultations.enums import SessionStatus
from roundtables.enums import InputStatus
from tests.factories import ReviewFactory, SessionFactory
from tests.factories.reports import ready_report
from tests.factories.roundtables import InputFactory, RoundtableFactory

pytestmark = pytest.mark.django_db

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def backend(request):
    from django.db import connection

    if request.param == "sqlite" and connection.vendor != "sqlite":
        pytest.skip("the SQLite search runs on SQLite")
    return request.param


@pytest.fixture
def review():
    return ReviewFactory(slug="escap-2026", title="Asia-Pacific review")


def published(review, **kwargs):
    return InputFactory(review=review, status=InputStatus.ACCEPTED, publish_consent=True, **kwargs)


def titles(response) -> list[str]:
    return [hit.title for hit in response.context["results"].hits]


def test_search_finds_objective_21_material_by_the_objective_s_words(client, backend, review):
    rescue = published(
        review,
        title="Coordinated rescue in the Andaman Sea, and safe and voluntary return",
        text="Boats still drift for weeks. Return only when it is safe and voluntary.",
        objectives=[8, 21],
    )
    RoundtableFactory(review=review, number=2, title="Roundtable on borders", objectives=[21])
    published(review, title="Recruitment fees", text="Employers pay the fees.", objectives=[6])

    response = client.get("/en/search/", {"q": "return and readmission"})

    assert response.status_code == 200
    assert sorted(titles(response)) == sorted([rescue.title, "Roundtable on borders"])
    assert [o.number for o in response.context["results"].objectives] == [21]


def test_search_in_french_finds_french_content(client, backend, review):
    SessionFactory(
        review=review,
        title="Consultation on return",
        title_fr="Consultation sur les retours",
        description_fr="Le retour et la réintégration des migrants.",
    )
    published(
        review,
        title="Retour sûr et volontaire",
        text="Le retour doit être sûr et volontaire.",
        language="fr",
    )
    published(review, title="Recruitment fees", text="Employers pay the fees.")

    response = client.get("/fr/search/", {"q": "retour"})

    assert sorted(titles(response)) == ["Consultation sur les retours", "Retour sûr et volontaire"]
    assert "Retour" in response.content.decode()


def test_search_highlights_the_words_and_escapes_the_text(client, backend, review):
    published(
        review,
        title="Search and rescue",
        text='Coordinate <script>alert("x")</script> rescue at sea.',
    )

    response = client.get("/en/search/", {"q": "rescue"})

    html = response.content.decode()
    assert "<mark>rescue</mark>" in html
    assert "alert(&quot;x&quot;)" in html
    assert "<script>alert" not in html


def test_search_ranks_a_title_match_above_a_text_match(client, backend, review):
    published(review, title="Money transfers", text="Remittances cost too much.")
    published(review, title="Remittances", text="Send money home cheaply.")
    published(review, title="Money", text="Nothing about it.")

    every_word = client.get("/en/search/", {"q": "remittances cost"})
    ranked = client.get("/en/search/", {"q": "remittances"})

    assert titles(every_word) == ["Money transfers"]
    assert titles(ranked) == ["Remittances", "Money transfers"]


def test_search_finds_only_what_is_public(client, backend, review):
    published(review, title="Public detention alternatives")
    InputFactory(review=review, title="Unmoderated detention", status=InputStatus.SUBMITTED)
    InputFactory(
        review=review,
        title="Unconsented detention",
        status=InputStatus.ACCEPTED,
        publish_consent=False,
    )
    SessionFactory(review=review, title="Draft detention session", status=SessionStatus.DRAFT)
    session = SessionFactory(review=review, title="Held detention session")
    ready_report(published=False, session=session)

    response = client.get("/en/search/", {"q": "detention"})

    assert sorted(titles(response)) == ["Held detention session", "Public detention alternatives"]


def test_search_finds_published_reports_by_their_subject(client, backend, review):
    session = SessionFactory(review=review, title="Pre-consultation on labour mobility")
    ready_report(published=True, session=session)

    response = client.get("/en/search/", {"q": "labour mobility", "type": "report"})

    assert titles(response) == ["Consultation summary report: Pre-consultation on labour mobility"]


def test_search_filters_by_review_objective_and_type(client, backend, review):
    other = ReviewFactory(slug="other")
    published(review, title="Detention here", objectives=[13])
    published(other, title="Detention there", objectives=[13])
    published(review, title="Detention of children", objectives=[7])
    SessionFactory(review=review, title="Detention session")

    by_review = client.get("/en/search/", {"q": "detention", "review": "other"})
    by_objective = client.get("/en/search/", {"q": "detention", "objective": 13})
    by_type = client.get(
        "/en/search/", {"q": "detention", "type": "session", "review": review.slug}
    )

    assert titles(by_review) == ["Detention there"]
    assert sorted(titles(by_objective)) == ["Detention here", "Detention there"]
    assert titles(by_type) == ["Detention session"]


def test_search_by_objective_alone_lists_what_was_said_on_it(client, review):
    published(review, title="On return", objectives=[21])
    published(review, title="On recruitment", objectives=[6])

    response = client.get("/en/search/", {"objective": 21})

    assert titles(response) == ["On return"]


def test_search_without_words_shows_only_the_form(client):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert response.context["results"] is None


@pytest.mark.parametrize("query", ["\x00", "a" * 500, "' OR 1=1 --", "!!! & | :*"])
def test_search_odd_input_never_fails(client, query):
    response = client.get("/en/search/", {"q": query, "objective": "99", "page": "x"})

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 15])
def test_search_query_count_does_not_grow(client, django_assert_num_queries, backend, review, rows):
    for number in range(rows):
        published(review, title=f"Detention {number}", objectives=[13])
        RoundtableFactory(review=review, title=f"Detention table {number}", objectives=[13])
        SessionFactory(review=review, title=f"Detention session {number}")
        ready_report(published=True, session=SessionFactory(review=review, title="Detention"))

    # form choices (2), matching objectives, then per kind: count and rows, and the
    # objectives of inputs and roundtables
    queries = {"sqlite": 12, "postgresql": 13}[backend]
    with django_assert_num_queries(queries):
        response = client.get("/en/search/", {"q": "detention"})

    assert response.context["results"].counts["input"] == rows


def test_header_has_a_search_box_and_an_open_data_link(client):
    response = client.get("/fr/")

    html = response.content.decode()
    assert f'action="{reverse("opendata:search")}"' in html
    assert '<label for="site-search" class="visually-hidden">' in html
    assert f'href="{reverse("opendata:index")}"' in html
