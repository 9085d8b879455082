"""iCalendar (RFC 5545) files for sessions: the public feed and the file attached to a
confirmation email. Times carry the session's own time zone with its VTIMEZONE."""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from consultations.enums import SessionStatus
from consultations.models import Session

PRODID = "-//UN Network on Migration//GCM Consultations//EN"


def session_event(session: Session, *, join_url: str = "") -> Event:
    event = Event()
    event.add("uid", f"session-{session.pk}@gcm-consultations")
    event.add("dtstamp", timezone.now())
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
    for session in sessions:
        calendar.add_component(session_event(session, join_url=join_urls.get(session.pk, "")))
    calendar.add_missing_timezones()
    return calendar.to_ical()
