"""Reads of reviews and sessions, with the joins each page needs declared once.

Attendance and registration figures are counted here once, for the staff pages and the
reports alike, so that a staff page and a PDF can never print two numbers for one fact."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from consultations.enums import (
    Attendance,
    DocumentVisibility,
    Mode,
    RegistrationStatus,
    SessionStatus,
)
from consultations.models import (
    GcmTalkRequest,
    RegionalReview,
    Registration,
    Session,
    SessionDocument,
)
from core.cache import ProcessCopies
from core.permissions import can
from gcm.models import Sector

# Who attended: a confirmed registration marked attended (attendance is only ever
# recorded on confirmed registrations; one cancelled afterwards no longer counts).
ATTENDED = Q(status=RegistrationStatus.CONFIRMED, attendance=Attendance.ATTENDED)

# What a registration counts under: the participant's profile, or, once their account
# is erased, what was kept of it for the counts (Registration.anonymous_*). A person
# without a profile counts under none, before and after.
SECTOR = Coalesce(
    F("user__profile__organisation__sector_id"),
    F("user__profile__sector_id"),
    F("anonymous_sector_id"),
)
COUNTRY = Coalesce(F("user__profile__country"), F("anonymous_country"))
ORGANISATION = Coalesce(F("user__profile__organisation_id"), F("anonymous_organisation"))


def review_list() -> QuerySet[RegionalReview]:
    return RegionalReview.objects.select_related("region").order_by("-meeting_date")


def review_get(*, slug: str) -> RegionalReview | None:
    return review_list().filter(slug=slug).first()


def session_public() -> QuerySet[Session]:
    """Sessions the public may see: everything but drafts."""
    return Session.objects.exclude(status=SessionStatus.DRAFT).select_related("review")


def session_filtered(
    *,
    review: str = "",
    kind: str = "",
    format: str = "",
    status: str = "",
    ends_after=None,
    starts_before=None,
) -> QuerySet[Session]:
    sessions = session_public()
    if review:
        sessions = sessions.filter(review__slug=review)
    if kind:
        sessions = sessions.filter(kind=kind)
    if format:
        sessions = sessions.filter(format=format)
    if status:
        sessions = sessions.filter(status=status)
    if ends_after is not None:
        sessions = sessions.filter(ends_at__gte=ends_after)
    if starts_before is not None:
        sessions = sessions.filter(starts_at__lt=starts_before)
    return sessions


def free_places(*, capacity: int | None, taken: int) -> int | None:
    """Places left of a capacity, or None when there is no limit."""
    if capacity is None:
        return None
    return max(capacity - taken, 0)


def seats_left_by_session(*, sessions) -> dict[int, dict[str, int | None]]:
    """Places left in each mode each session offers, for many sessions in one query:
    a seat is taken by a confirmed registration in that mode (as registration counts it,
    services.seats_taken)."""
    sessions = list(sessions)
    taken = {
        (session_id, mode): n
        for session_id, mode, n in Registration.objects.filter(
            session_id__in=[session.pk for session in sessions],
            status=RegistrationStatus.CONFIRMED,
        )
        .order_by()
        .values_list("session_id", "mode")
        .annotate(n=Count("pk"))
    }
    return {
        session.pk: {
            mode: free_places(
                capacity=session.capacity_for(mode), taken=taken.get((session.pk, mode), 0)
            )
            for mode in session.modes
        }
        for session in sessions
    }


def session_split(sessions: QuerySet[Session], *, now=None) -> tuple[list, QuerySet[Session]]:
    """Upcoming sessions soonest first, as a list; past ones most recent first, as a
    queryset for the caller to paginate (the archive only grows)."""
    now = now or timezone.now()
    upcoming = list(sessions.filter(ends_at__gte=now).order_by("starts_at", "pk"))
    past = sessions.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    return upcoming, past


def session_upcoming(*, limit: int) -> list[Session]:
    return list(
        session_public().filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")[:limit]
    )


# The session page is read far more often than a session changes: each web process
# keeps a copy of each session with everything its page shows, and the shared cache says
# which version is current (core.cache.ProcessCopies); any change to what the page shows
# gives the session a new version once it commits (consultations/signals.py). The
# versions' lifetime bounds how long a change whose invalidation was lost (the cache down
# at that moment) can go unseen.
SESSION_PAGES = ProcessCopies("consultations:session-page:v1", timeout=60)


def session_detail(*, slug: str) -> Session | None:
    """A public session with its review, region, speakers, links, contacts and documents,
    as this process keeps it (read-only: it is shared by every request of the process).
    `session.snapshot` names its version, for fragments of its page cached beside it."""
    version, session = SESSION_PAGES.get(slug, lambda: _session_detail_load(slug))
    if session is not None and getattr(session, "snapshot", None) != version:
        session.snapshot = version
    return session


def _session_detail_load(slug: str) -> Session | None:
    return (
        session_public()
        .select_related("review__region")
        .prefetch_related(
            "speakers",
            "links",
            "contacts",
            Prefetch("documents", queryset=SessionDocument.objects.order_by("position", "pk")),
        )
        .filter(slug=slug)
        .first()
    )


def session_detail_forget(*slugs: str) -> None:
    """Give these sessions' pages a new version once the current transaction commits."""
    SESSION_PAGES.forget(*slugs)


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
    if can(user, "consultations.view_join_links"):
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


def attendances(*, session_ids) -> QuerySet[Registration]:
    """The registrations that count as attendance at these sessions."""
    return Registration.objects.filter(ATTENDED, session_id__in=session_ids)


def count_by_sector(registrations: QuerySet[Registration]) -> list[tuple[Sector | None, int]]:
    """Registrations counted by the sector of the person's organisation, or of their own
    profile when they came as individuals; in the order of GCM para 44, None (no
    profile) last."""
    rows = registrations.annotate(sector_key=SECTOR).values("sector_key").annotate(n=Count("pk"))
    counts = {row["sector_key"]: row["n"] for row in rows}
    sectors = Sector.objects.filter(pk__in=[key for key in counts if key is not None])
    result = [(sector, counts[sector.pk]) for sector in sectors.order_by("position")]
    if counts.get(None):
        result.append((None, counts[None]))
    return result


def count_by_country(registrations: QuerySet[Registration]) -> list[tuple[str, int]]:
    """Registrations counted by the country of residence of the person ("" when not
    given), the most first, then by country code."""
    return list(
        registrations.annotate(country_key=COUNTRY)
        .values_list("country_key")
        .annotate(n=Count("pk"))
        .order_by("-n", "country_key")
    )


def attendance_by_sector(*, session_ids) -> list[tuple[Sector | None, int]]:
    return count_by_sector(attendances(session_ids=session_ids))


def attendance_by_country(*, session_ids) -> list[tuple[str, int]]:
    """Attendances by country of residence, the most first; those not given left out."""
    return [row for row in count_by_country(attendances(session_ids=session_ids)) if row[0]]


@dataclass(frozen=True)
class AttendanceTotals:
    attendances: int
    people: int
    organisations: int


def attendance_totals(*, session_ids) -> AttendanceTotals:
    """Attendances at these sessions, the different people behind them and the
    organisations they came from (people who came as individuals count under none). A
    person whose account was erased is still one person, by their anonymous key."""
    attended = attendances(session_ids=session_ids)
    people = attended.aggregate(
        n=Count("user", distinct=True) + Count("anonymous_key", distinct=True)
    )
    return AttendanceTotals(
        attendances=attended.count(),
        people=people["n"],
        organisations=attended.aggregate(n=Count(ORGANISATION, distinct=True))["n"],
    )


@dataclass(frozen=True)
class Participation:
    registered: int = 0
    attended: int = 0
    in_person: int = 0
    online: int = 0


def participation_by_session(*, session_ids) -> dict[int, Participation]:
    """Confirmed registrations and attendance (in person, online) of each session."""
    rows = (
        Registration.objects.filter(session_id__in=session_ids)
        .values("session_id")
        .annotate(
            registered=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            attended=Count("pk", filter=ATTENDED),
            in_person=Count("pk", filter=ATTENDED & Q(mode=Mode.IN_PERSON)),
            online=Count("pk", filter=ATTENDED & Q(mode=Mode.ONLINE)),
        )
    )
    return {row.pop("session_id"): Participation(**row) for row in rows}


def attendance_by_mode(*, session_ids) -> dict[str, int]:
    return dict(
        attendances(session_ids=session_ids)
        .values_list("mode")
        .annotate(n=Count("pk"))
        .values_list("mode", "n")
    )


def session_counts(*, session: Session) -> dict:
    """The staff counts page of a session: active registrations by mode and status,
    sector and country, and its attendance as the summary report prints it (the source
    report counts "111 civil society organizations and stakeholders" who attended)."""
    active = Registration.objects.filter(session=session).exclude(
        status=RegistrationStatus.CANCELLED
    )
    by_sector = count_by_sector(active)
    return {
        "total": active.count(),
        "by_mode_status": registrations_by_mode_status(session=session),
        "attended": attendances(session_ids=[session.pk]).count(),
        # The most first, as staff scan it; ties in para-44 order.
        "by_sector": sorted(by_sector, key=lambda row: -row[1]),
        "by_country": count_by_country(active),
    }


def check_in_list(*, session: Session, query: str = "") -> list[Registration]:
    # Participants whose account was erased have no name to check in by.
    registrations = Registration.objects.filter(
        session=session,
        status=RegistrationStatus.CONFIRMED,
        mode=Mode.IN_PERSON,
        user__isnull=False,
    ).select_related("user__profile__organisation")
    if query:
        registrations = registrations.filter(
            Q(user__name__icontains=query) | Q(user__email__icontains=query)
        )
    return list(registrations.order_by("user__name", "pk")[:200])


def sessions_last_change() -> tuple[str, dt.datetime | None]:
    """What public session data was last changed by: a token that changes with any
    session or registration written or deleted (seats left follow registrations), and
    the time of the latest change. Two aggregate queries, whatever the number of rows."""
    sessions = Session.objects.order_by().aggregate(at=Max("updated_at"), n=Count("pk"))
    registrations = Registration.objects.order_by().aggregate(at=Max("updated_at"), n=Count("pk"))
    latest = max((x for x in (sessions["at"], registrations["at"]) if x), default=None)
    token = f"{sessions['at']}|{sessions['n']}|{registrations['at']}|{registrations['n']}"
    return token, latest


ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


def can_see_document(*, user, document: SessionDocument) -> bool:
    """Public documents for everyone; the others for staff and the session's registrants
    (confirmed or on the waitlist)."""
    if document.visibility == DocumentVisibility.PUBLIC:
        return True
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Registration.objects.filter(
        session_id=document.session_id, user=user, status__in=ACTIVE_STATUSES
    ).exists()


def session_documents(*, session: Session, registered: bool) -> list[SessionDocument]:
    """The documents of a session that a person sees, registered or not."""
    prefetched = getattr(session, "_prefetched_objects_cache", {}).get("documents")
    if prefetched is not None:  # the page's snapshot (session_detail)
        documents = list(prefetched)
    else:
        documents = list(SessionDocument.objects.filter(session=session).order_by("position", "pk"))
    if not registered:
        documents = [d for d in documents if d.visibility == DocumentVisibility.PUBLIC]
    for document in documents:
        document.session = session  # for its URL, without a query per document
    return documents
