"""Output: versioned PDF reports rendered by Celery tasks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.storage import get_private_storage
from consultations.models import RegionalReview, Session
from reports.enums import ReportKind, ReportStatus


def report_path(instance, filename: str) -> str:
    return f"reports/{instance.kind}/{instance.pk}-v{instance.version}-{instance.language}.pdf"


class Report(models.Model):
    """One rendering of a report. Rendering again makes a new version; a published
    version is never replaced."""

    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("session"),
    )
    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("Regional Review"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("rendering started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    render_seconds = models.FloatField(_("rendering time (s)"), null=True, blank=True)
    pdf = models.FileField(
        _("PDF"), upload_to=report_path, storage=get_private_storage, blank=True, max_length=200
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    used_fallback = models.BooleanField(_("some content fell back to English"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=ReportKind.SUMMARY, session__isnull=False, review__isnull=True)
                    | (~Q(kind=ReportKind.SUMMARY) & Q(session__isnull=True, review__isnull=False))
                ),
                name="report_subject_matches_kind",
            ),
            models.UniqueConstraint(
                fields=["kind", "session", "language", "version"],
                condition=Q(session__isnull=False),
                name="report_session_version_once",
            ),
            models.UniqueConstraint(
                fields=["kind", "review", "language", "version"],
                condition=Q(review__isnull=False),
                name="report_review_version_once",
            ),
        ]
        indexes = [models.Index(fields=["status", "started_at"], name="report_status_started")]

    def __str__(self) -> str:
        subject = self.session or self.review
        return f"{self.get_kind_display()} — {subject} ({self.language}, v{self.version})"

    @property
    def subject(self):
        return self.session or self.review
