"""Writes of reports: requesting a render (a new version), rendering it, publishing and
withdrawing a version, and the watchdog that never lets a report stay stuck.

A report row knows its own state (queued, rendering, ready, failed with the reason);
the moves between states are the table reports.enums.REPORT_TRANSITIONS, and every
change of status here goes through _move, which checks it. Rendering is safe to run
twice: the status column is locked with select_for_update, only a row the table lets
start rendering (a queued one) is taken, and the result is written only by the attempt
that took it.
"""

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.errors import DomainError
from core.files import storage_errors
from reports import kinds
from reports.enums import REPORT_FINAL, REPORT_TRANSITIONS, ReportFailure, ReportStatus
from reports.kinds import ReportType
from reports.models import Report
from reports.rendering import RenderedFile, render

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# A live worker never renders longer than this (the task's hard time limit).
RENDER_TIME_LIMIT = 600
RENDER_SOFT_TIME_LIMIT = 540
# A queued report no worker has taken by then is handed to the broker again.
RESEND_QUEUED_AFTER = timedelta(minutes=5)

# Failures worth another try: the database or the file storage went away for a moment.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError, OSError)


class SubjectMissing(Exception):
    pass


def _report_type(kind: str) -> ReportType:
    report_type = kinds.get(kind)
    if report_type is None:
        raise DomainError(gettext("Unknown kind of report."), code="kind")
    return report_type


def _subject_kwargs(*, report_type: ReportType, subject) -> dict:
    """The Report fields that name the subject: the one of its kind set, the other None."""
    if not isinstance(subject, report_type.subject_model):
        raise DomainError(str(report_type.wrong_subject), code="subject")
    return {"session": None, "review": None, report_type.subject_field: subject}


def report_request(*, kind: str, subject, language: str, requested_by=None) -> Report:
    """Queue a new version of a report and hand it to a worker once committed. If the
    same report (kind, subject, language) is already queued or rendering, that one is
    returned instead, so that a double click renders once."""
    if language not in dict(settings.LANGUAGES):
        raise DomainError(gettext("Unknown language."), code="language")
    subject_kwargs = _subject_kwargs(report_type=_report_type(kind), subject=subject)
    with transaction.atomic():
        # Lock the subject so that two requests cannot take the same version number.
        type(subject).objects.select_for_update().filter(pk=subject.pk).first()
        siblings = Report.objects.filter(kind=kind, language=language, **subject_kwargs)
        in_flight = siblings.exclude(status__in=REPORT_FINAL).first()
        if in_flight is not None:
            return in_flight
        version = (siblings.aggregate(last=Max("version"))["last"] or 0) + 1
        report = Report.objects.create(
            kind=kind,
            language=language,
            version=version,
            requested_by=requested_by,
            **subject_kwargs,
        )
        transaction.on_commit(lambda: hand_to_worker(report.pk))
    return report


def report_rerender(*, report: Report, requested_by=None) -> Report:
    """Render the same report again: a new version; the old one, published or not, stays."""
    return report_request(
        kind=report.kind,
        subject=report.subject,
        language=report.language,
        requested_by=requested_by,
    )


def hand_to_worker(report_id: int) -> None:
    from reports.tasks import render_report

    try:
        if render_report.app.conf.task_always_eager:
            # No broker (make run, tests): render here, with the task's bounded retries,
            # and let the row, not an exception, tell how it went.
            for attempt in range(1, MAX_ATTEMPTS + 1):
                try:
                    report_render(report_id=report_id, final_attempt=attempt == MAX_ATTEMPTS)
                except TRANSIENT_ERRORS:
                    continue
                break
        else:
            render_report.apply_async(kwargs={"report_id": report_id})
    except Exception:
        # Broker unreachable (or, in eager mode, the render failed: the row says why).
        # A queued row is handed over again by the watchdog.
        logger.exception("Could not hand report %s to a worker", report_id)


def render_document(*, kind: str, subject, language: str, filename: str):
    """Build and render, in the report's language: (data, RenderedFile). The one path
    shared by the task and the render_report command."""
    with translation.override(language):
        data = _report_type(kind).build(subject=subject, language=language)
        return data, render(data, filename=filename)


def _load_subject(report: Report):
    report_type = _report_type(report.kind)
    subject = report_type.load(pk=getattr(report, f"{report_type.subject_field}_id"))
    if subject is None:
        raise SubjectMissing(gettext("The session or review of this report no longer exists."))
    return subject


def _move(report: Report, status: str) -> None:
    """Change the status of a report locked by the caller, as REPORT_TRANSITIONS allows
    (DomainError otherwise); the caller saves it."""
    REPORT_TRANSITIONS.check(report.status, status)
    report.status = status


def _held_by(report: Report | None, attempt: int) -> bool:
    """Whether this attempt still holds the report: it is rendering, and no later attempt
    (after the watchdog gave this one up) has taken it since."""
    return (
        report is not None
        and report.status == ReportStatus.RENDERING
        and report.attempts == attempt
    )


def _beat(*, report_id: int, attempt: int) -> bool:
    """Tell the watchdog that this attempt is still working. Returns False once the attempt
    no longer holds the report (finished, or given up and taken by another)."""
    updated = Report.objects.filter(
        pk=report_id, status=ReportStatus.RENDERING, attempts=attempt
    ).update(heartbeat_at=timezone.now())
    return updated == 1


@contextmanager
def _heartbeat(*, report_id: int, attempt: int) -> Iterator[None]:
    """Beat every REPORT_HEARTBEAT_SECONDS from a thread while the block runs: the render
    of a big report is one long WeasyPrint call that cannot beat itself. A worker that
    dies takes the thread with it, so the beats stop and the watchdog requeues the report
    within REPORT_STALE_AFTER_SECONDS plus one watchdog period."""
    stop = threading.Event()
    interval = settings.REPORT_HEARTBEAT_SECONDS

    def run() -> None:
        try:
            while not stop.wait(interval):
                try:
                    if not _beat(report_id=report_id, attempt=attempt):
                        return
                except DatabaseError:
                    logger.warning("Report %s: heartbeat not recorded", report_id, exc_info=True)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=run, name=f"report-{report_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=30)


def _record_failure(
    *, report_id: int, attempt: int, message: str, retry: bool, failure: str = ""
) -> bool:
    """Mark the failed attempt: queued again for a retry, or failed with the reason (and
    the kind of failure, a ReportFailure, when it is a known one). Returns whether a retry
    is due."""
    try:
        with transaction.atomic():
            report = Report.objects.select_for_update().filter(pk=report_id).first()
            if not _held_by(report, attempt):
                return False
            will_retry = retry and report.attempts < MAX_ATTEMPTS
            report.error = message
            report.failure = failure
            _move(report, ReportStatus.QUEUED if will_retry else ReportStatus.FAILED)
            report.finished_at = None if will_retry else timezone.now()
            report.save(update_fields=["error", "failure", "status", "finished_at"])
            return will_retry
    except DatabaseError:
        # The database is what failed: the watchdog will find the row still rendering.
        logger.exception("Could not record the failure of report %s", report_id)
        return retry


def report_render(*, report_id: int, worker: str = "", final_attempt: bool = False):
    """Render one queued report to PDF and store it. Skips a missing row, a row that is
    final (ready, failed) and a row another worker is rendering. Transient errors are
    raised again after the row is queued again, so that the task retries; others fail
    the row with the reason."""
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if report is None:
            logger.warning("Report %s does not exist: nothing to render", report_id)
            return None
        if not REPORT_TRANSITIONS.allows(report.status, ReportStatus.RENDERING):
            # Final, or another worker is rendering it.
            logger.info("Report %s is %s: not rendering it again", report_id, report.status)
            return report
        _move(report, ReportStatus.RENDERING)
        report.started_at = report.heartbeat_at = timezone.now()
        report.finished_at = None
        report.attempts += 1
        report.worker = worker[:200]
        report.save(
            update_fields=[
                "status",
                "started_at",
                "heartbeat_at",
                "finished_at",
                "attempts",
                "worker",
            ]
        )
        attempt = report.attempts

    started = time.perf_counter()
    try:
        subject = _load_subject(report)
        with _heartbeat(report_id=report_id, attempt=attempt):
            data, rendered = render_document(
                kind=report.kind,
                subject=subject,
                language=report.language,
                filename=report.download_name,
            )
    except TRANSIENT_ERRORS as exc:
        message = gettext("Attempt %(attempt)s failed: %(error)s") % {
            "attempt": attempt,
            "error": f"{type(exc).__name__}: {exc}"[:500],
        }
        if _record_failure(
            report_id=report_id, attempt=attempt, message=message, retry=not final_attempt
        ):
            raise
        return None
    except Exception as exc:
        if type(exc).__name__ == "SoftTimeLimitExceeded":
            message = gettext("Rendering took longer than %(seconds)s seconds.") % {
                "seconds": RENDER_SOFT_TIME_LIMIT
            }
        else:
            logger.exception("Report %s failed to render", report_id)
            message = f"{type(exc).__name__}: {exc}"[:1000]
        _record_failure(report_id=report_id, attempt=attempt, message=message, retry=False)
        return None
    return _store(
        report_id=report_id,
        attempt=attempt,
        data=data,
        rendered=rendered,
        seconds=time.perf_counter() - started,
    )


def _store(*, report_id: int, attempt: int, data, rendered: RenderedFile, seconds: float):
    """Store the PDF and mark the report ready. A storage failure fails the report at once
    with the reason (the row lock is released by the rollback first): a retry of the task
    would find it still "rendering" and skip it, and staff would learn nothing until the
    watchdog gave up. Rendering again once storage is back makes a new version."""
    try:
        return _store_locked(
            report_id=report_id, attempt=attempt, data=data, rendered=rendered, seconds=seconds
        )
    except storage_errors() as exc:
        logger.exception("Report %s: the PDF could not be stored", report_id)
        _record_failure(
            report_id=report_id,
            attempt=attempt,
            message=f"{type(exc).__name__}: {exc}"[:500],
            retry=False,
            failure=ReportFailure.STORAGE,
        )
        return None


def _store_locked(*, report_id: int, attempt: int, data, rendered: RenderedFile, seconds: float):
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if not _held_by(report, attempt):
            # The watchdog gave this attempt up and another took over: its result wins.
            logger.info("Report %s attempt %s was superseded; result dropped", report_id, attempt)
            return report
        _move(report, ReportStatus.READY)
        report.pdf.save(rendered.filename, ContentFile(rendered.content), save=False)
        report.finished_at = timezone.now()
        report.render_seconds = round(seconds, 3)
        report.page_count = rendered.page_count
        report.file_size = len(rendered.content)
        report.used_fallback = data.used_fallback
        report.warnings = [str(warning) for warning in data.warnings]
        report.error = ""
        report.failure = ""
        report.save()
    return report


def report_publish(*, report: Report, published_by=None) -> Report:
    """Publish a rendered version: listed at /reports/ and downloadable by anyone."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status != ReportStatus.READY or not report.pdf:
            raise DomainError(gettext("Only a rendered report can be published."), code="not_ready")
        if report.published_at is None:
            report.published_at = timezone.now()
            report.published_by = published_by
            report.save(update_fields=["published_at", "published_by"])
    return report


def report_withdraw(*, report: Report) -> Report:
    """Take a version off the public list; it becomes a staff-only draft again."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        report.published_at = None
        report.published_by = None
        report.save(update_fields=["published_at", "published_by"])
    return report


def report_watchdog(*, now=None) -> dict[str, int]:
    """Find reports a dead worker left in "rendering" (no heartbeat for
    REPORT_STALE_AFTER_SECONDS) and queue them again, or fail them with the reason once
    they have used their attempts; hand queued reports no worker took back to the broker.
    Safe to run twice: a requeued report is queued, not rendering, and keeps its version;
    the attempt it gave up can no longer write its result (_held_by)."""
    now = now or timezone.now()
    silent_since = now - timedelta(seconds=settings.REPORT_STALE_AFTER_SECONDS)
    requeue, failed = [], 0
    with transaction.atomic():
        stuck = Report.objects.select_for_update(skip_locked=True).filter(
            Q(heartbeat_at__lt=silent_since)
            | Q(heartbeat_at__isnull=True, started_at__lt=silent_since),
            status=ReportStatus.RENDERING,
        )
        for report in stuck:
            started = report.started_at.strftime("%Y-%m-%d %H:%M UTC")
            if report.attempts >= MAX_ATTEMPTS:
                _move(report, ReportStatus.FAILED)
                report.finished_at = now
                report.error = gettext(
                    "The worker rendering this report stopped without finishing (last "
                    "attempt started %(started)s); %(attempts)s attempts made, giving up."
                ) % {"started": started, "attempts": report.attempts}
                failed += 1
            else:
                _move(report, ReportStatus.QUEUED)
                report.error = gettext(
                    "The worker rendering this report stopped without finishing (attempt "
                    "started %(started)s); queued again."
                ) % {"started": started}
                requeue.append(report.pk)
            report.save(update_fields=["status", "finished_at", "error"])
    handed_before = now - RESEND_QUEUED_AFTER
    resend = list(
        Report.objects.filter(status=ReportStatus.QUEUED, requested_at__lt=handed_before)
        .filter(Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=handed_before))
        .exclude(pk__in=requeue)
        .values_list("pk", flat=True)[:200]
    )
    # The handover is a sign of life too: a report waiting behind busy workers gets one
    # more message every RESEND_QUEUED_AFTER, not one per watchdog run.
    Report.objects.filter(pk__in=[*requeue, *resend], status=ReportStatus.QUEUED).update(
        heartbeat_at=now
    )
    for report_id in [*requeue, *resend]:
        transaction.on_commit(lambda report_id=report_id: hand_to_worker(report_id))
    return {"requeued": len(requeue), "failed": failed, "resent": len(resend)}
