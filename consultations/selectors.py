"""Reads of reviews and sessions, with the joins each page needs declared once."""

from django.db.models import QuerySet
from django.utils import timezone

from consultations.enums import SessionStatus
from consultations.models import RegionalReview, Session


def review_list() -> QuerySet[RegionalReview]:
    return RegionalReview.objects.select_related("region").order_by("-meeting_date")


def session_public() -> QuerySet[Session]:
    """Sessions the public may see: everything but drafts."""
    return Session.objects.exclude(status=SessionStatus.DRAFT).select_related("review")


def session_filtered(*, review: str = "", kind: str = "", format: str = "") -> QuerySet[Session]:
    sessions = session_public()
    if review:
        sessions = sessions.filter(review__slug=review)
    if kind:
        sessions = sessions.filter(kind=kind)
    if format:
        sessions = sessions.filter(format=format)
    return sessions


def session_split(sessions: QuerySet[Session], *, now=None) -> tuple[list, list]:
    """Upcoming sessions soonest first, past ones most recent first."""
    now = now or timezone.now()
    upcoming = list(sessions.filter(ends_at__gte=now).order_by("starts_at", "pk"))
    past = list(sessions.filter(ends_at__lt=now).order_by("-starts_at", "-pk"))
    return upcoming, past


def session_upcoming(*, limit: int) -> list[Session]:
    return list(
        session_public().filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")[:limit]
    )


def session_detail(*, slug: str) -> Session | None:
    return (
        session_public()
        .select_related("review__region")
        .prefetch_related("speakers", "links", "contacts")
        .filter(slug=slug)
        .first()
    )
