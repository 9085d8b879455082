"""Reads of reports, with their joins declared once: the report rows themselves, and
what the builders read about a session or a review (their subjects, staff texts, key
messages and held sessions)."""

import datetime as dt
import hashlib

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet

from consultations.enums import SessionStatus
from consultations.models import RegionalReview, Session
from consultations.selectors import session_public
from reports.models import Report, ReviewReportText
from roundtables.models import KeyMessage, Roundtable, RoundtableRole, StakeholderInput


def report_list_published(
    *, language: str = "", kind: str = "", review: str = ""
) -> QuerySet[Report]:
    """The current published version of each report (kind, subject, language): a newer
    published version supersedes an older one on the list (the older file stays
    downloadable at its address, so that citations of it keep working)."""
    newer = Report.objects.filter(
        kind=OuterRef("kind"),
        language=OuterRef("language"),
        published_at__isnull=False,
        version__gt=OuterRef("version"),
    ).filter(
        Q(session__isnull=False, session=OuterRef("session"))
        | Q(review__isnull=False, review=OuterRef("review"))
    )
    reports = (
        Report.objects.filter(published_at__isnull=False)
        .exclude(Exists(newer))
        .select_related("session", "review")
        .order_by("-published_at", "-pk")
    )
    if language:
        reports = reports.filter(language=language)
    if kind:
        reports = reports.filter(kind=kind)
    if review:
        # A review's own reports and the summaries of its sessions.
        reports = reports.filter(Q(review__slug=review) | Q(session__review__slug=review))
    return reports


def reports_last_change() -> tuple[str, dt.datetime | None]:
    """A token that changes when a report is published or withdrawn, or the title of a
    reviewed subject changes, and the time of the latest publication."""
    published = Report.objects.filter(published_at__isnull=False).order_by()
    latest = published.aggregate(at=Max("published_at"), n=Count("pk"), last=Max("pk"))
    sessions = Session.objects.order_by().aggregate(at=Max("updated_at"))
    # Reviews have no time of change; their slugs and titles are few and short.
    titles = [field.name for field in RegionalReview._meta.fields if field.name[:5] == "title"]
    reviews = RegionalReview.objects.order_by("pk").values_list("pk", "slug", *titles)
    digest = hashlib.sha256(repr(list(reviews)).encode()).hexdigest()
    token = f"{latest['at']}|{latest['n']}|{latest['last']}|{sessions['at']}|{digest}"
    return token, latest["at"]


def report_get(*, pk: int) -> Report | None:
    return (
        Report.objects.select_related("session", "review", "requested_by", "published_by")
        .filter(pk=pk)
        .first()
    )


def report_list_for_subject(*, session=None, review=None) -> QuerySet[Report]:
    reports = Report.objects.select_related("session", "review", "requested_by")
    if session is not None:
        reports = reports.filter(session=session)
    else:
        reports = reports.filter(review=review)
    return reports.order_by("kind", "language", "-version")


# --- what the builders read -----------------------------------------------------------


def session_for_summary(*, slug: str | None = None, pk: int | None = None) -> Session | None:
    """A session with its written record, or None if there is no such session."""
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    return (
        Session.objects.select_related("review")
        .prefetch_related("speakers", "links", "contacts", "footnotes", "declared_sectors")
        .filter(**lookup)
        .first()
    )


def review_for_report(*, slug: str | None = None, pk: int | None = None) -> RegionalReview | None:
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    return RegionalReview.objects.select_related("region").filter(**lookup).first()


def review_report_text(*, review: RegionalReview) -> ReviewReportText:
    """What staff wrote for the review's reports; blank (unsaved) if nothing yet."""
    return ReviewReportText.objects.filter(review=review).first() or ReviewReportText(review=review)


def key_messages(*, review: RegionalReview) -> QuerySet[KeyMessage]:
    """Key messages with the public sessions and the inputs they cite."""
    return KeyMessage.objects.filter(review=review).prefetch_related(
        Prefetch("sessions", queryset=session_public().order_by("starts_at", "pk")),
        Prefetch(
            "inputs",
            queryset=StakeholderInput.objects.select_related("sector", "source_session").order_by(
                "pk"
            ),
        ),
    )


def roundtables_for_outcome(*, review: RegionalReview) -> list[Roundtable]:
    """The review's roundtables in order, with their objectives, panel, consultations
    and key messages (in their order, as ``ordered_messages``)."""
    return list(
        Roundtable.objects.filter(review=review)
        .prefetch_related(
            "objectives",
            Prefetch("roles", queryset=RoundtableRole.objects.select_related("user")),
            Prefetch("consultations", queryset=session_public().order_by("starts_at")),
            Prefetch(
                "key_messages",
                queryset=key_messages(review=review).order_by("position", "pk"),
                to_attr="ordered_messages",
            ),
        )
        .order_by("number")
    )


def general_key_messages(*, review: RegionalReview) -> QuerySet[KeyMessage]:
    """Key messages of no particular roundtable, in their order."""
    return key_messages(review=review).filter(roundtable=None).order_by("position", "pk")


def sessions_held(*, review: RegionalReview) -> list[Session]:
    """The review's sessions that took or will take place (neither drafts nor
    cancelled), in time order, with their footnotes."""
    return list(
        Session.objects.filter(review=review)
        .exclude(status__in=[SessionStatus.DRAFT, SessionStatus.CANCELLED])
        .prefetch_related("footnotes")
        .order_by("starts_at", "pk")
    )
