"""The calendar file of a confirmation email is built once per session version, language
and join link, in the shared cache, never in one process's memory."""

from unittest import mock

import pytest
from django.core.cache import cache

from consultations.calendar import session_ics
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def test_session_ics_is_kept_in_the_shared_cache():
    session = SessionFactory(title="Regional pre-consultation")
    first = session_ics(session, join_url="https://meet.example/1", language="en")

    with mock.patch("consultations.calendar.calendar_bytes", side_effect=AssertionError):
        again = session_ics(session, join_url="https://meet.example/1", language="en")
    cache.clear()
    # Gone with the shared cache: it lived there, not in this process's memory.
    with (
        mock.patch("consultations.calendar.calendar_bytes", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        session_ics(session, join_url="https://meet.example/1", language="en")

    assert again == first


def test_session_ics_changes_with_the_session_language_and_link():
    session = SessionFactory(title="Regional pre-consultation", title_fr="Pré-consultation")

    english = session_ics(session, join_url="https://meet.example/1", language="en")
    french = session_ics(session, join_url="https://meet.example/1", language="fr")
    other_link = session_ics(session, join_url="https://meet.example/2", language="en")
    session.title = "Regional pre-consultation (new room)"
    session.save()
    changed = session_ics(session, join_url="https://meet.example/1", language="en")

    assert "SUMMARY:Regional pre-consultation" in english
    assert "SUMMARY:Pré-consultation" in french
    assert "https://meet.example/2" in other_link.replace("\r\n ", "")
    assert "SUMMARY:Regional pre-consultation (new room)" in changed
