"""Real concurrent HTTP requests against the live server on PostgreSQL.

The first test shows that the race exists when the session row is not locked: every
request counts the seats before any of the others has committed, and the session is
overbooked. The second shows that with the lock no session is ever overbooked.
"""

import secrets
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client

from consultations import services
from consultations.enums import Mode, RegistrationStatus
from consultations.models import Registration, Session
from tests.factories import SessionFactory, stakeholder

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 16
SEATS = 4


def signed_in_cookies(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def post_registration(url: str, session_cookie: str, barrier: threading.Barrier) -> int:
    csrf = secrets.token_hex(16)  # a 32-character secret is a valid unmasked token
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": csrf, "mode": "in-person", "if_full": "waitlist"}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        url,
        data=body,
        headers={
            "Cookie": f"sessionid={session_cookie}; csrftoken={csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    barrier.wait()
    opener = urllib.request.build_opener(NoRedirect)
    for attempt in range(5):
        try:
            with opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except (ConnectionResetError, urllib.error.URLError):
            # The test server's listen queue is short: a burst can be refused before
            # Django sees it. Retrying is safe: a second registration is refused.
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("the live server refused the connection five times")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def rush(live_server, session) -> list[int]:
    cookies = [signed_in_cookies(stakeholder()) for _ in range(PEOPLE)]
    url = f"{live_server.url}/en/consultations/{session.slug}/register/"
    barrier = threading.Barrier(PEOPLE)
    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        return list(pool.map(lambda cookie: post_registration(url, cookie, barrier), cookies))


@pytest.fixture
def slow_count(monkeypatch):
    """Widen the window between counting the seats and taking one, as a loaded server
    would, so that the test does not depend on lucky timing."""
    real = services.seats_taken

    def slow(session, mode):
        taken = real(session, mode)
        time.sleep(0.05)
        return taken

    monkeypatch.setattr(services, "seats_taken", slow)


def confirmed_in_person(session) -> int:
    return Registration.objects.filter(
        session=session, mode=Mode.IN_PERSON, status=RegistrationStatus.CONFIRMED
    ).count()


def test_registration_rush_without_the_row_lock_overbooks(live_server, slow_count, monkeypatch):
    session = SessionFactory(capacity_in_person=SEATS, requires_accreditation=False)
    monkeypatch.setattr(services, "_lock_session", lambda pk: Session.objects.get(pk=pk))

    statuses = rush(live_server, session)

    assert statuses == [302] * PEOPLE
    assert confirmed_in_person(session) > SEATS


def test_registration_rush_with_the_row_lock_never_overbooks(live_server, slow_count):
    session = SessionFactory(capacity_in_person=SEATS, requires_accreditation=False)

    statuses = rush(live_server, session)

    assert statuses == [302] * PEOPLE
    assert confirmed_in_person(session) == SEATS
    waitlisted = Registration.objects.filter(session=session, status="waitlisted")
    assert waitlisted.count() == PEOPLE - SEATS
    assert Registration.objects.filter(session=session).count() == PEOPLE
