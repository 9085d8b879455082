import datetime as dt
import zoneinfo

import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse

from consultations.calendar import session_ics
from consultations.enums import SessionFormat, SessionKind, SessionStatus
from tests.factories import ReviewFactory, SessionFactory

pytestmark = pytest.mark.django_db
GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_session_list_shows_the_demo_review_sessions(client, demo):
    response = client.get(reverse("consultations:list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "UNECE Stakeholder Pre-consultation on the Second Round" in html
    assert "Migration and adaptation in the context of climate change" in html
    # The nine sessions of the UNECE history and the seven of the ESCAP example.
    assert html.count('class="session-item"') == 16


def test_session_list_hides_drafts(client):
    SessionFactory(title="Published one")
    SessionFactory(title="Draft one", status=SessionStatus.DRAFT)

    html = client.get(reverse("consultations:list")).content.decode()

    assert "Published one" in html
    assert "Draft one" not in html


def test_session_list_filters_by_kind_format_and_review(client):
    review = ReviewFactory()
    SessionFactory(review=review, title="Online talk", kind=SessionKind.GCM_TALK, format="online")
    SessionFactory(review=review, title="Hybrid thematic", format=SessionFormat.HYBRID)
    SessionFactory(title="Other review")

    by_kind = client.get(reverse("consultations:list"), {"kind": "gcm-talk"}).content.decode()
    by_format = client.get(reverse("consultations:list"), {"format": "hybrid"}).content.decode()
    by_review = client.get(reverse("consultations:list"), {"review": review.slug}).content.decode()

    assert "Online talk" in by_kind
    assert "Hybrid thematic" not in by_kind
    assert "Hybrid thematic" in by_format
    assert "Online talk" not in by_format
    assert "Other review" not in by_review
    assert "Online talk" in by_review


def test_session_list_ignores_an_unknown_filter_value(client):
    SessionFactory(title="Still listed")

    response = client.get(reverse("consultations:list"), {"kind": "<script>"})

    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


@pytest.mark.parametrize("sessions", [1, 30])
def test_session_list_query_count_does_not_grow(client, django_assert_num_queries, sessions):
    review = ReviewFactory()
    SessionFactory.create_batch(sessions, review=review)

    with django_assert_num_queries(3):
        response = client.get(reverse("consultations:list"))

    assert response.content.decode().count('class="session-item"') == sessions


def test_session_detail_of_a_draft_is_not_found(client):
    session = SessionFactory(status=SessionStatus.DRAFT)

    assert client.get(session.get_absolute_url()).status_code == 404


def test_calendar_feed_holds_the_sessions_with_their_time_zone(client, demo):
    response = client.get(reverse("consultations:calendar"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 16
    pre = next(e for title, e in events.items() if title.startswith("UNECE Stakeholder Pre"))
    start = pre.decoded("dtstart")
    assert start == dt.datetime(2023, 11, 14, 11, 0, tzinfo=GENEVA)
    assert str(start.tzinfo) == "Europe/Zurich"
    assert pre["dtstart"].params["TZID"] == "Europe/Zurich"
    assert {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")} == {
        "Europe/Zurich",
        "Asia/Bangkok",
    }


def test_calendar_feed_never_holds_a_join_link(client):
    SessionFactory(join_url="https://zoom.example.org/j/secret")

    assert b"secret" not in client.get(reverse("consultations:calendar")).content


def test_session_page_links_to_its_calendar_file(client):
    session = SessionFactory(slug="thematic-1")

    html = client.get(session.get_absolute_url()).content.decode()

    assert 'href="/en/consultations/thematic-1/calendar.ics" download>' in html


def test_session_calendar_file_is_the_email_attachment_without_a_join_link(client):
    session = SessionFactory(
        slug="thematic-1",
        title="Thematic consultation",
        title_fr="Consultation thématique",
        join_url="https://zoom.example.org/j/secret",
    )

    response = client.get("/fr/consultations/thematic-1/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="thematic-1.ics"'
    assert response.content.decode() == session_ics(session, join_url="", language="fr")
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Consultation thématique"
    assert event.decoded("dtstart") == session.starts_at
    assert b"secret" not in response.content


def test_session_calendar_file_of_a_draft_is_not_found(client):
    SessionFactory(slug="draft-1", status=SessionStatus.DRAFT)

    assert client.get("/en/consultations/draft-1/calendar.ics").status_code == 404
