"""Reads of reports, with their joins declared once."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from reports.models import Report


def report_list_published(*, language: str = "") -> QuerySet[Report]:
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
    return reports


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
