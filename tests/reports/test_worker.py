"""A render through a real Celery worker on Redis, and concurrent requests on
PostgreSQL taking distinct version numbers."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from reports import services
from reports.enums import ReportKind, ReportStatus
from reports.models import Report
from tests.factories import SessionFactory


@pytest.mark.redis
def test_report_is_rendered_by_a_real_worker(celery_worker):
    session = SessionFactory(overview="An overview written by the secretariat.")

    report = services.report_request(kind=ReportKind.SUMMARY, subject=session, language="en")

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.is_final:
            break
        time.sleep(0.2)
    assert report.status == ReportStatus.READY
    assert report.attempts == 1
    assert report.worker != ""


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_take_distinct_versions(monkeypatch):
    monkeypatch.setattr(services, "hand_to_worker", lambda report_id: None)
    session = SessionFactory()
    languages = ["en", "fr", "ar", "es", "ru", "zh-hans"] * 2

    def request(language):
        try:
            report = services.report_request(
                kind=ReportKind.SUMMARY, subject=session, language=language
            )
            # Finished at once, so that the next request of the language is a new version.
            Report.objects.filter(pk=report.pk).update(status=ReportStatus.READY)
            return report.pk
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(request, languages))

    versions = sorted(Report.objects.values_list("language", "version"))
    assert versions == sorted((language, v) for language in set(languages) for v in (1, 2))
