"""Factories of the reports app."""

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from reports.enums import ReportKind, ReportStatus
from reports.models import Report
from tests.factories import ReviewFactory, SessionFactory

PDF_BYTES = b"%PDF-1.7\n% test file\n%%EOF\n"


class ReportFactory(factory.django.DjangoModelFactory):
    """A queued summary report of a new session."""

    class Meta:
        model = Report

    kind = ReportKind.SUMMARY
    session = factory.SubFactory(SessionFactory)
    review = None
    language = "en"
    version = factory.Sequence(lambda n: n + 1)
    status = ReportStatus.QUEUED


class ReviewReportFactory(ReportFactory):
    kind = ReportKind.OUTCOME
    session = None
    review = factory.SubFactory(ReviewFactory)


def ready_report(*, published: bool = False, **kwargs) -> Report:
    """A rendered report with a (tiny) PDF file, published or a draft."""
    report = ReportFactory(status=ReportStatus.READY, page_count=1, **kwargs)
    report.pdf.save("x.pdf", ContentFile(PDF_BYTES), save=False)
    report.file_size = len(PDF_BYTES)
    report.finished_at = timezone.now()
    if published:
        report.published_at = timezone.now()
    report.save()
    return report
