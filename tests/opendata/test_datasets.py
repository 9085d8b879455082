"""The open data page and its datasets: contents, licence, formula-safe CSV, JSON with
its data dictionary, and a new file as soon as an input is published."""

import csv
import io

import pytest

from roundtables.enums import InputStatus
from roundtables.services.inputs import input_accept
from tests.factories import ReviewFactory, SessionFactory, StaffFactory
from tests.factories.roundtables import InputFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return ReviewFactory(slug="unece-2024")


def published(review, **kwargs):
    return InputFactory(review=review, status=InputStatus.ACCEPTED, publish_consent=True, **kwargs)


def csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_inputs_csv_holds_published_inputs_only_and_is_formula_safe(client, review):
    published(review, title='=HYPERLINK("http://x")', objectives=[8, 21], country="FR")
    InputFactory(review=review, title="Unmoderated", status=InputStatus.SUBMITTED)
    InputFactory(
        review=review, title="Unconsented", status=InputStatus.ACCEPTED, publish_consent=False
    )

    response = client.get("/en/open-data/inputs.csv")

    rows = csv_rows(response)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert [row["title"] for row in rows] == ['\'=HYPERLINK("http://x")']
    assert rows[0]["objectives"] == "8;21"
    assert rows[0]["country"] == "FR"
    assert rows[0]["sector"] == "civil-society"
    assert "@" not in response.content.decode()


def test_sessions_json_has_licence_dictionary_and_records(client, review):
    SessionFactory(review=review, slug="thematic", title="Thematic", title_fr="Thématique")

    document = client.get("/fr/open-data/sessions.json").json()

    assert document["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert document["language"] == "fr"
    assert [field["name"] for field in document["fields"]][:3] == ["slug", "review", "kind"]
    assert document["fields"][3]["values"] == ["online", "hybrid", "in-person"]
    assert [record["title"] for record in document["records"]] == ["Thématique"]
    assert "join" not in str(document["records"])


def test_dataset_is_rebuilt_when_an_input_is_published(client, review):
    published(review, title="First")
    pending = InputFactory(review=review, title="Second", status=InputStatus.SUBMITTED)
    before = client.get("/en/open-data/inputs.json")

    input_accept(stakeholder_input=pending, by=StaffFactory())
    after = client.get("/en/open-data/inputs.json", HTTP_IF_NONE_MATCH=before["ETag"])

    assert [r["title"] for r in before.json()["records"]] == ["First"]
    assert after.status_code == 200
    assert [r["title"] for r in after.json()["records"]] == ["First", "Second"]


def test_dataset_answers_304_while_unchanged(client, review):
    published(review)
    first = client.get("/en/open-data/inputs.csv")

    again = client.get("/en/open-data/inputs.csv", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


@pytest.mark.parametrize("rows", [1, 12])
def test_dataset_query_count_does_not_grow(client, django_assert_num_queries, review, rows):
    for _ in range(rows):
        published(review, objectives=[2, 3])

    # the latest change, the inputs and their objectives
    with django_assert_num_queries(3):
        response = client.get("/en/open-data/inputs.json")

    assert len(response.json()["records"]) == rows


@pytest.mark.parametrize("path", ["/en/open-data/nothing.csv", "/en/open-data/inputs.xlsx"])
def test_dataset_unknown_name_or_format_is_404(client, path):
    assert client.get(path).status_code == 404


def test_open_data_page_links_datasets_api_and_licence(client):
    response = client.get("/en/open-data/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/en/open-data/inputs.csv"' in html
    assert 'href="/en/open-data/sessions.json"' in html
    assert 'href="/api/v1/docs"' in html
    assert 'href="/api/v1/schema"' in html
    assert 'rel="license"' in html
    assert "<code>objectives</code>" in html
