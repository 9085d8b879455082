import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ReviewFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _past_sessions(count):
    review = ReviewFactory()
    start = timezone.now() - dt.timedelta(days=60)
    for n in range(count):
        SessionFactory(
            review=review,
            starts_at=start - dt.timedelta(days=n),
            ends_at=start - dt.timedelta(days=n) + dt.timedelta(hours=2),
            registration_opens_at=start - dt.timedelta(days=n + 30),
            registration_closes_at=start - dt.timedelta(days=n + 1),
        )


def test_calendar_shows_upcoming_first_and_pages_the_past(client):
    upcoming = SessionFactory()
    _past_sessions(25)

    first = client.get(reverse("consultations:list"))
    second = client.get(reverse("consultations:list"), {"past": 2})

    assert list(first.context["upcoming"]) == [upcoming]
    assert len(first.context["past"]) == 20
    assert len(second.context["past"]) == 5
    assert list(second.context["upcoming"]) == [upcoming]
    assert 'href="?past=2"' in first.content.decode()


def test_calendar_page_out_of_range_shows_the_last_page(client):
    _past_sessions(3)

    response = client.get(reverse("consultations:list"), {"past": 99})

    assert response.context["past"].number == 1
