"""Reads of reviews and sessions, with the joins each page needs declared once."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from consultations.enums import Attendance, Mode, RegistrationStatus, SessionStatus
from consultations.models import GcmTalkRequest, RegionalReview, Registration, Session


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


def registration_for(*, user, session: Session) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(user=user, session=session).first()


def registration_owned(*, user, registration_id: int) -> Registration | None:
    """A registration of this person, or None: others' registrations do not exist for them."""
    return (
        Registration.objects.select_related("session__review")
        .filter(pk=registration_id, user=user)
        .first()
    )


def can_see_join_link(*, user, registration: Registration | None) -> bool:
    if user.is_authenticated and user.is_staff:
        return True
    return registration is not None and registration.status == RegistrationStatus.CONFIRMED


def participation_for(*, user) -> list[Registration]:
    """One record of a person's participation across every review cycle."""
    return list(
        Registration.objects.filter(user=user)
        .select_related("session__review")
        .order_by("-session__review__meeting_date", "session__starts_at", "pk")
    )


def talk_requests_for(*, user) -> list[GcmTalkRequest]:
    return list(
        GcmTalkRequest.objects.filter(requested_by=user)
        .select_related("review", "session")
        .prefetch_related("objectives")
    )


def registrations_by_mode_status(*, session: Session) -> list[tuple]:
    """(mode label, status label, number) for each mode and status a session has."""
    rows = (
        Registration.objects.filter(session=session)
        .values_list("mode", "status")
        .annotate(n=Count("pk"))
        .order_by("mode", "status")
    )
    return [(Mode(mode).label, RegistrationStatus(status).label, n) for mode, status, n in rows]


def session_counts(*, session: Session) -> dict:
    """Registrations of a session by mode and status, sector and country (the source
    report counts "111 civil society organizations and stakeholders" who attended)."""
    registrations = Registration.objects.filter(session=session)
    active = registrations.exclude(status=RegistrationStatus.CANCELLED)
    return {
        "total": active.count(),
        "by_mode_status": registrations_by_mode_status(session=session),
        "attended_organisations": registrations.filter(attendance=Attendance.ATTENDED)
        .values("user__profile__organisation")
        .distinct()
        .count(),
        "by_sector": list(
            active.values_list("user__profile__sector__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "user__profile__sector__position")
        ),
        "by_country": list(
            active.values_list("user__profile__country")
            .annotate(n=Count("pk"))
            .order_by("-n", "user__profile__country")
        ),
    }


def check_in_list(*, session: Session, query: str = "") -> list[Registration]:
    registrations = Registration.objects.filter(
        session=session, status=RegistrationStatus.CONFIRMED, mode=Mode.IN_PERSON
    ).select_related("user__profile__organisation")
    if query:
        registrations = registrations.filter(
            Q(user__name__icontains=query) | Q(user__email__icontains=query)
        )
    return list(registrations.order_by("user__name", "pk")[:200])
