"""A render through a real Celery worker on Redis, and concurrent requests on
PostgreSQL taking distinct version numbers."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.db.models.signals import post_save

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
    # All twelve requests start together, so the two of each language race for a number.
    start = threading.Barrier(len(languages), timeout=30)

    def finish_on_creation(sender, instance, created, **kwargs):
        # A report is finished inside the transaction that requested it. Finished after
        # that commit, a second request of the language could still find the first one
        # in flight and, by design, return it instead of a new version.
        if created:
            Report.objects.filter(pk=instance.pk).update(status=ReportStatus.READY)

    def request(language):
        try:
            start.wait()
            return services.report_request(
                kind=ReportKind.SUMMARY, subject=session, language=language
            ).pk
        finally:
            connection.close()

    post_save.connect(finish_on_creation, sender=Report, weak=False)
    try:
        with ThreadPoolExecutor(max_workers=len(languages)) as pool:
            report_ids = list(pool.map(request, languages))
    finally:
        post_save.disconnect(finish_on_creation, sender=Report)

    assert len(set(report_ids)) == len(languages)
    versions = sorted(Report.objects.values_list("language", "version"))
    assert versions == sorted((language, v) for language in set(languages) for v in (1, 2))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_render_heartbeat_reaches_the_database_while_it_renders(monkeypatch, settings):
    settings.REPORT_HEARTBEAT_SECONDS = 0.1
    monkeypatch.setattr(services, "hand_to_worker", lambda report_id: None)
    report = services.report_request(
        kind=ReportKind.SUMMARY, subject=SessionFactory(), language="en"
    )
    real = services.render_document
    seen = []

    def slow(**kwargs):
        first = Report.objects.get(pk=report.pk).heartbeat_at
        time.sleep(0.6)
        seen.append((first, Report.objects.get(pk=report.pk).heartbeat_at))
        return real(**kwargs)

    monkeypatch.setattr(services, "render_document", slow)

    services.report_render(report_id=report.pk)

    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    assert seen[0][1] > seen[0][0]


@pytest.mark.redis
def test_render_left_by_a_dead_worker_is_ready_again_through_a_real_worker(celery_worker):
    import datetime as dt

    from django.utils import timezone

    from reports import tasks

    report = Report.objects.create(
        kind=ReportKind.SUMMARY, session=SessionFactory(), language="en", version=1
    )
    # As a worker killed mid-render leaves it: rendering, its heartbeats stopped 61 s ago.
    silent = timezone.now() - dt.timedelta(seconds=61)
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.RENDERING, started_at=silent, heartbeat_at=silent, attempts=1
    )

    counts = tasks.watchdog()

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.is_final:
            break
        time.sleep(0.2)
    assert counts == {"requeued": 1, "failed": 0, "resent": 0}
    assert (report.status, report.attempts, report.version) == (ReportStatus.READY, 2, 1)
    assert Report.objects.count() == 1
