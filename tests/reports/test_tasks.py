"""The render task: states, retries on transient errors only, safe to run twice, and
the watchdog that finds reports a dead worker left rendering."""

import dataclasses
import datetime as dt
import time

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone, translation

from core.errors import DomainError
from reports import kinds, services, tasks
from reports.enums import REPORT_TRANSITIONS, ReportStatus
from reports.models import Report
from tests.factories.reports import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def celery_retries_inline(monkeypatch):
    """Let Celery run a task's retries inside apply() instead of raising Retry."""
    from config.celery import app

    previous = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = previous


@pytest.fixture
def queued(demo_session) -> Report:
    return ReportFactory(session=demo_session, version=1)


def test_report_status_moves_only_as_its_table_allows():
    assert {status: sorted(REPORT_TRANSITIONS.targets(status)) for status in ReportStatus} == {
        "queued": ["rendering"],
        "rendering": ["failed", "queued", "ready"],
        "ready": [],
        "failed": [],
    }
    with pytest.raises(DomainError):
        REPORT_TRANSITIONS.check(ReportStatus.READY, ReportStatus.QUEUED)


def test_render_task_leaves_a_failed_report_failed(queued):
    Report.objects.filter(pk=queued.pk).update(
        status=ReportStatus.FAILED, attempts=3, error="KeyError: 'speakers'"
    )

    tasks.render_report(report_id=queued.pk)

    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.error) == (
        ReportStatus.FAILED,
        3,
        "KeyError: 'speakers'",
    )


def test_render_task_renders_a_queued_report_to_a_ready_pdf(queued):
    tasks.render_report(report_id=queued.pk)

    queued.refresh_from_db()
    assert queued.status == ReportStatus.READY
    assert queued.attempts == 1
    assert queued.page_count == 7
    with queued.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert queued.file_size == queued.pdf.size
    assert queued.render_seconds > 0
    assert queued.error == ""
    assert queued.warnings == []
    assert queued.finished_at >= queued.started_at


def test_render_task_with_a_missing_row_does_nothing():
    assert tasks.render_report(report_id=987654) is None
    assert Report.objects.count() == 0


def test_render_task_run_twice_renders_once(queued):
    tasks.render_report(report_id=queued.pk)
    queued.refresh_from_db()
    first = (queued.pdf.name, queued.finished_at)

    tasks.render_report(report_id=queued.pk)

    queued.refresh_from_db()
    assert (queued.pdf.name, queued.finished_at) == first
    assert queued.attempts == 1


def test_render_task_skips_a_report_another_worker_is_rendering(queued):
    Report.objects.filter(pk=queued.pk).update(
        status=ReportStatus.RENDERING, started_at=timezone.now(), attempts=1
    )

    tasks.render_report(report_id=queued.pk)

    queued.refresh_from_db()
    assert queued.status == ReportStatus.RENDERING
    assert queued.attempts == 1
    assert not queued.pdf


def test_render_task_retries_a_transient_error_then_succeeds(
    queued, monkeypatch, celery_retries_inline
):
    real = services.render_document
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr(services, "render_document", flaky)

    tasks.render_report.apply(kwargs={"report_id": queued.pk}, throw=False)

    queued.refresh_from_db()
    assert len(calls) == 2
    assert queued.status == ReportStatus.READY
    assert queued.attempts == 2
    assert queued.error == ""


def test_render_task_fails_with_the_reason_when_transient_errors_persist(
    queued, monkeypatch, celery_retries_inline
):
    def down(**kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(services, "render_document", down)

    tasks.render_report.apply(kwargs={"report_id": queued.pk}, throw=False)

    queued.refresh_from_db()
    assert queued.status == ReportStatus.FAILED
    assert queued.attempts == services.MAX_ATTEMPTS
    assert queued.error == "Attempt 3 failed: OperationalError: could not connect to server"


def test_render_task_does_not_retry_a_bug(queued, monkeypatch, celery_retries_inline):
    calls = []

    def broken(**kwargs):
        calls.append(1)
        raise KeyError("speakers")

    monkeypatch.setattr(services, "render_document", broken)

    tasks.render_report.apply(kwargs={"report_id": queued.pk}, throw=False)

    queued.refresh_from_db()
    assert calls == [1]
    assert queued.status == ReportStatus.FAILED
    assert queued.error == "KeyError: 'speakers'"


def test_render_result_of_a_superseded_attempt_is_dropped(queued, monkeypatch):
    real = services.render_document

    def slow_then_superseded(**kwargs):
        result = real(**kwargs)
        # Meanwhile the watchdog gave this attempt up and another worker took over.
        Report.objects.filter(pk=queued.pk).update(attempts=2)
        return result

    monkeypatch.setattr(services, "render_document", slow_then_superseded)

    tasks.render_report(report_id=queued.pk)

    queued.refresh_from_db()
    assert queued.status == ReportStatus.RENDERING
    assert not queued.pdf


def test_render_of_a_subject_gone_meanwhile_fails_with_the_reason(queued, monkeypatch):
    monkeypatch.setitem(
        kinds.KINDS, "summary", dataclasses.replace(kinds.SUMMARY, load=lambda **kwargs: None)
    )

    tasks.render_report(report_id=queued.pk)

    queued.refresh_from_db()
    assert queued.status == ReportStatus.FAILED
    assert queued.error == "SubjectMissing: The session or review of this report no longer exists."


def test_render_with_storage_down_fails_at_once_with_the_reason(
    queued, broken_storage, celery_retries_inline
):
    tasks.render_report.apply(kwargs={"report_id": queued.pk}, throw=False)

    queued.refresh_from_db()
    assert queued.status == ReportStatus.FAILED
    assert queued.attempts == 1
    assert queued.error == "OSError: [Errno 28] No space left on device"
    assert queued.failure == "storage"
    assert queued.finished_at is not None
    assert not queued.pdf


def test_render_again_once_storage_is_back_makes_a_ready_version(
    queued, broken_storage, django_capture_on_commit_callbacks
):
    tasks.render_report(report_id=queued.pk)
    queued.refresh_from_db()
    broken_storage.repair()

    with django_capture_on_commit_callbacks(execute=True):
        again = services.report_rerender(report=queued)

    again.refresh_from_db()
    assert (again.version, again.status) == (2, ReportStatus.READY)
    with again.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_staff_see_why_the_render_failed_when_storage_is_down(client, queued, broken_storage):
    from tests.factories import StaffFactory

    tasks.render_report(report_id=queued.pk)
    client.force_login(StaffFactory())

    page = client.get(reverse("reports:staff_detail", kwargs={"pk": queued.pk}))
    status = client.get(reverse("reports:staff_status", kwargs={"pk": queued.pk})).json()
    admin = client.get(reverse("admin:reports_report_change", args=[queued.pk]))

    message = (
        "The PDF could not be stored because the file storage failed (OSError: [Errno 28] "
        "No space left on device). Render the report again once the storage is working."
    )
    assert message in page.content.decode()
    assert message in admin.content.decode()
    assert (status["status"], status["error"]) == ("failed", message)


def test_staff_read_the_storage_failure_in_their_language(client, queued, broken_storage):
    from tests.factories import StaffFactory

    tasks.render_report(report_id=queued.pk)
    client.force_login(StaffFactory())

    with translation.override("fr"):
        url = reverse("reports:staff_detail", kwargs={"pk": queued.pk})
    page = client.get(url).content.decode()

    assert (
        "Le PDF n\u2019a pas pu être enregistré, car le stockage des fichiers a échoué "
        "(OSError: [Errno 28] No space left on device)."
    ) in page


def _left_rendering(report: Report, *, silent_for: dt.timedelta, attempts: int = 1) -> None:
    """The report as a worker left it: rendering, its last heartbeat `silent_for` ago."""
    beat = timezone.now() - silent_for
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.RENDERING,
        started_at=beat - dt.timedelta(seconds=5),
        heartbeat_at=beat,
        attempts=attempts,
    )


def test_watchdog_requeues_a_report_whose_heartbeat_stopped_and_it_renders_once(
    queued, django_capture_on_commit_callbacks
):
    _left_rendering(queued, silent_for=dt.timedelta(seconds=61))

    with django_capture_on_commit_callbacks(execute=True):
        counts = tasks.watchdog()
    with django_capture_on_commit_callbacks(execute=True):
        again = tasks.watchdog()

    queued.refresh_from_db()
    assert counts == {"requeued": 1, "failed": 0, "resent": 0}
    assert again == {"requeued": 0, "failed": 0, "resent": 0}
    # Eager Celery: handed over on commit and rendered at once, as the same version.
    assert queued.status == ReportStatus.READY
    assert queued.attempts == 2
    assert list(Report.objects.values_list("version", flat=True)) == [1]


def test_watchdog_leaves_a_render_with_a_fresh_heartbeat_alone(queued):
    # Started long ago (a big report), but its worker beat a moment ago: alive.
    Report.objects.filter(pk=queued.pk).update(
        status=ReportStatus.RENDERING,
        started_at=timezone.now() - dt.timedelta(minutes=9),
        heartbeat_at=timezone.now() - dt.timedelta(seconds=20),
        attempts=1,
    )

    counts = services.report_watchdog()

    queued.refresh_from_db()
    assert counts == {"requeued": 0, "failed": 0, "resent": 0}
    assert (queued.status, queued.attempts) == (ReportStatus.RENDERING, 1)


def test_watchdog_stale_threshold_is_the_setting(queued, settings):
    settings.REPORT_STALE_AFTER_SECONDS = 300
    _left_rendering(queued, silent_for=dt.timedelta(seconds=120))

    counts = services.report_watchdog()

    assert counts == {"requeued": 0, "failed": 0, "resent": 0}


def test_watchdog_requeues_a_render_that_never_beat(queued, django_capture_on_commit_callbacks):
    Report.objects.filter(pk=queued.pk).update(
        status=ReportStatus.RENDERING,
        started_at=timezone.now() - dt.timedelta(seconds=90),
        heartbeat_at=None,
        attempts=1,
    )

    with django_capture_on_commit_callbacks(execute=True):
        counts = services.report_watchdog()

    queued.refresh_from_db()
    assert counts == {"requeued": 1, "failed": 0, "resent": 0}
    assert queued.status == ReportStatus.READY


def test_result_of_the_attempt_the_watchdog_gave_up_is_dropped(queued, monkeypatch):
    real = services.render_document

    def dead_then_back(**kwargs):
        # The worker froze: the watchdog requeued the report and another worker took it.
        _left_rendering(queued, silent_for=dt.timedelta(seconds=61))
        services.report_watchdog()
        Report.objects.filter(pk=queued.pk).update(status=ReportStatus.RENDERING, attempts=2)
        return real(**kwargs)

    monkeypatch.setattr(services, "render_document", dead_then_back)

    tasks.render_report(report_id=queued.pk)

    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (ReportStatus.RENDERING, 2)
    assert not queued.pdf
    assert Report.objects.count() == 1


def test_render_beats_while_it_renders(queued, monkeypatch, settings):
    settings.REPORT_HEARTBEAT_SECONDS = 0.05
    beats = []
    monkeypatch.setattr(services, "_beat", lambda **kwargs: beats.append(kwargs) or True)
    real = services.render_document

    def slow(**kwargs):
        time.sleep(0.5)
        return real(**kwargs)

    monkeypatch.setattr(services, "render_document", slow)

    tasks.render_report(report_id=queued.pk)
    after = len(beats)
    time.sleep(0.2)

    queued.refresh_from_db()
    assert queued.status == ReportStatus.READY
    assert after >= 3
    assert beats[0] == {"report_id": queued.pk, "attempt": 1}
    assert len(beats) == after  # the beats stop with the render


def test_beat_refreshes_only_the_attempt_that_holds_the_report(queued):
    old = timezone.now() - dt.timedelta(minutes=5)
    _left_rendering(queued, silent_for=dt.timedelta(minutes=5), attempts=2)

    stale = services._beat(report_id=queued.pk, attempt=1)
    queued.refresh_from_db()
    assert (stale, queued.heartbeat_at < old + dt.timedelta(seconds=1)) == (False, True)

    holding = services._beat(report_id=queued.pk, attempt=2)
    queued.refresh_from_db()
    assert (holding, queued.heartbeat_at > timezone.now() - dt.timedelta(seconds=5)) == (
        True,
        True,
    )


def test_watchdog_fails_a_report_whose_attempts_are_used_up_with_the_reason(queued):
    started = dt.datetime(2024, 3, 1, 10, 0, tzinfo=dt.UTC)
    Report.objects.filter(pk=queued.pk).update(
        status=ReportStatus.RENDERING,
        started_at=started,
        heartbeat_at=started,
        attempts=services.MAX_ATTEMPTS,
    )

    counts = services.report_watchdog()

    queued.refresh_from_db()
    assert counts == {"requeued": 0, "failed": 1, "resent": 0}
    assert queued.status == ReportStatus.FAILED
    assert queued.error == (
        "The worker rendering this report stopped without finishing (last attempt started "
        "2024-03-01 10:00 UTC); 3 attempts made, giving up."
    )


def test_watchdog_leaves_a_report_that_is_rendering_now_alone(queued):
    Report.objects.filter(pk=queued.pk).update(
        status=ReportStatus.RENDERING,
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        attempts=1,
    )

    counts = services.report_watchdog()

    queued.refresh_from_db()
    assert counts == {"requeued": 0, "failed": 0, "resent": 0}
    assert queued.status == ReportStatus.RENDERING


def test_watchdog_hands_an_old_queued_report_to_a_worker_again(
    queued, monkeypatch, django_capture_on_commit_callbacks
):
    Report.objects.filter(pk=queued.pk).update(
        requested_at=timezone.now() - dt.timedelta(minutes=30)
    )
    handed = []
    monkeypatch.setattr(services, "hand_to_worker", handed.append)

    with django_capture_on_commit_callbacks(execute=True):
        counts = services.report_watchdog()

    assert counts == {"requeued": 0, "failed": 0, "resent": 1}
    assert handed == [queued.pk]


def test_watchdog_every_30_seconds_resends_a_waiting_report_once_per_period(
    queued, monkeypatch, django_capture_on_commit_callbacks
):
    Report.objects.filter(pk=queued.pk).update(
        requested_at=timezone.now() - dt.timedelta(minutes=30)
    )
    handed = []
    monkeypatch.setattr(services, "hand_to_worker", handed.append)
    later = timezone.now() + services.RESEND_QUEUED_AFTER + dt.timedelta(seconds=1)

    with django_capture_on_commit_callbacks(execute=True):
        first = services.report_watchdog()
        second = services.report_watchdog(now=timezone.now() + dt.timedelta(seconds=30))
        third = services.report_watchdog(now=later)

    assert [first["resent"], second["resent"], third["resent"]] == [1, 0, 1]
    assert handed == [queued.pk, queued.pk]
