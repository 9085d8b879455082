"""iCalendar (RFC 5545) files for sessions: the public feed and the file attached to a
confirmation email. Times carry the session's own time zone with its VTIMEZONE."""

import datetime as dt
import hashlib
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from icalendar import Calendar, Event, Timezone

from consultations.enums import SessionStatus
from consultations.models import Session

PRODID = "-//UN Network on Migration//GCM Consultations//EN"


def session_event(session: Session, *, join_url: str = "") -> Event:
    event = Event()
    event.add("uid", f"session-{session.pk}@gcm-consultations")
    # The last change of the session, not "now": the file is then the same for everyone
    # registered in one language and mode, and can be built once (see session_ics).
    event.add("dtstamp", session.updated_at or timezone.now())
    event.add("dtstart", session.local_starts_at)
    event.add("dtend", session.local_ends_at)
    event.add("summary", session.title)
    event.add("url", settings.SITE_URL + session.get_absolute_url())
    location = ", ".join(part for part in (session.venue, session.platform) if part)
    if location:
        event.add("location", location)
    description = session.description
    if join_url:
        description = f"{description}\n\n{join_url}".strip()
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if session.status == SessionStatus.CANCELLED else "CONFIRMED")
    return event


def calendar_bytes(
    sessions: Iterable[Session], *, name: str, join_urls: dict | None = None
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    join_urls = join_urls or {}
    years = set()
    for session in sessions:
        calendar.add_component(session_event(session, join_url=join_urls.get(session.pk, "")))
        years.add(session.starts_at.year)
    if years:
        for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
            calendar.subcomponents.insert(position, _vtimezone(tzid, min(years), max(years)))
    return calendar.to_ical()


@lru_cache(maxsize=256)
def _vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of a zone over the years the events need: computing one from the
    tz database takes milliseconds, and a confirmation email needs one every time."""
    return Timezone.from_tzid(
        tzid, first_date=dt.date(first_year - 1, 1, 1), last_date=dt.date(last_year + 1, 12, 31)
    )


ICS_CACHE_SECONDS = 24 * 3600


def session_ics(session: Session, *, join_url: str, language: str) -> str:
    """The calendar file attached to a registration email, in the recipient's language.
    Built once per session version, language and join link, not once per registrant, and
    kept in the shared cache (Redis in production) so that every web process and worker
    uses the same file: a session's change gives a new key, so nothing stale is served."""
    version = session.updated_at.timestamp() if session.updated_at else 0
    link = hashlib.sha256(join_url.encode()).hexdigest()[:16]
    key = f"consultations:ics:{session.pk}:{version}:{language}:{link}"
    ics = cache.get(key)
    if ics is None:
        with translation.override(language):
            ics = calendar_bytes(
                [session], name=session.title, join_urls={session.pk: join_url}
            ).decode()
        cache.set(key, ics, ICS_CACHE_SECONDS)
    return ics
