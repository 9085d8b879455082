"""Output: versioned PDF reports rendered by Celery tasks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consultations.models import RegionalReview, Session
from core.storage import get_private_storage
from reports.enums import REPORT_FINAL, ReportFailure, ReportKind, ReportStatus


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
    failure = models.CharField(
        _("kind of failure"), max_length=20, choices=ReportFailure.choices, blank=True
    )
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
    # Refreshed by the worker while it renders: a render without a recent beat lost its
    # worker (reports.services.report_watchdog). For a queued report: when the watchdog
    # last handed it to the broker.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    render_seconds = models.FloatField(_("rendering time (s)"), null=True, blank=True)
    pdf = models.FileField(
        _("PDF"), upload_to=report_path, storage=get_private_storage, blank=True, max_length=200
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    used_fallback = models.BooleanField(_("some content fell back to English"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    file_size = models.PositiveIntegerField(_("file size (bytes)"), null=True, blank=True)
    # What the builder found missing or odd (a roundtable without key messages, an
    # objective in no cluster): shown to staff before they publish, never printed.
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    worker = models.CharField(_("rendered by worker"), max_length=200, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [("publish_report", _("Can publish and withdraw reports"))]
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
        indexes = [
            models.Index(fields=["status", "started_at"], name="report_status_started"),
            models.Index(fields=["published_at"], name="report_published"),
        ]

    def __str__(self) -> str:
        subject = self.session or self.review
        return f"{self.get_kind_display()} — {subject} ({self.language}, v{self.version})"

    @property
    def subject(self):
        return self.session or self.review

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def error_message(self) -> str:
        """Why the render failed, for staff: a known failure explained in the reader's
        language, with the technical detail; otherwise the recorded error."""
        if self.failure == ReportFailure.STORAGE:
            return gettext(
                "The PDF could not be stored because the file storage failed (%(detail)s). "
                "Render the report again once the storage is working."
            ) % {"detail": self.error}
        return self.error

    @property
    def is_final(self) -> bool:
        return self.status in REPORT_FINAL

    @property
    def download_name(self) -> str:
        """The file name a downloader sees: kind, subject slug, language and version."""
        from reports import kinds  # the registry imports the builders, which import models

        return kinds.get(self.kind).filename(
            slug=self.subject.slug, language=self.language, version=self.version
        )


class ReviewReportText(models.Model):
    """What the secretariat writes for a review's outcome report and inputs analysis:
    the parts no data can give. Kept here, not on the review, because consultations and
    roundtables must not depend on reports."""

    review = models.OneToOneField(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="report_text",
        verbose_name=_("Regional Review"),
    )
    introduction = models.TextField(
        _("introduction to the outcome report"),
        blank=True,
        help_text=_("Paragraphs separated by a blank line."),
    )
    rapporteur_name = models.CharField(_("Rapporteur"), max_length=200, blank=True)
    rapporteur_function = models.CharField(
        _("Rapporteur's function and organisation"), max_length=300, blank=True
    )
    rapporteur_presentation = models.TextField(
        _("Rapporteur's presentation of the multi-stakeholder consultation"),
        blank=True,
        help_text=_(
            "As delivered at the opening of the Regional Review meeting. Paragraphs "
            "separated by a blank line; a line starting with “- ” is a bullet point."
        ),
    )
    conclusions = models.TextField(_("conclusions and way forward"), blank=True)
    inputs_introduction = models.TextField(
        _("introduction to the inputs analysis paper"), blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("report texts of a Regional Review")
        verbose_name_plural = _("report texts of Regional Reviews")

    def __str__(self) -> str:
        return str(self.review)
