"""Registration exports that stay fast and flat in memory at 100,000 rows.

The changelist's filters run once: the admin action takes the ordered ids of the
selection in one query and everything after reads by primary key, in chunks, through
`.values()` of the columns the file needs. Up to EXPORT_SYNC_MAX_ROWS rows the file is
streamed in the response; above that an ExportJob is written by a Celery task to the
private storage and its owner polls its progress.
"""

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from itertools import islice

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from consultations.enums import ExportFormat, ExportStatus
from consultations.models import ExportJob, Registration, Session
from core.files import delete_file_on_commit
from core.spreadsheets import Sheet, csv_write, xlsx_write
from gcm.models import Sector

logger = logging.getLogger(__name__)

EXPORT_HEADER = (
    "session",
    "name",
    "email",
    "organisation",
    "sector",
    "country",
    "gender",
    "mode",
    "status",
    "attendance",
    "accessibility_needs",
    "wants_to_speak",
    "registered_at",
)
EXPORT_ORDER = ("session__starts_at", "created_at", "pk")
_COLUMNS = (
    "session_id",
    "user__name",
    "user__email",
    "user__profile__organisation__name",
    "user__profile__sector_id",
    "user__profile__country",
    "user__profile__gender",
    "mode",
    "status",
    "attendance",
    "accessibility_needs",
    "wants_to_speak",
    "created_at",
)
CHUNK = 2_000
PROGRESS_EVERY = 5_000


def _batched(items: Sequence[int], size: int) -> Iterator[list[int]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def export_ids(queryset) -> list[int]:
    """The selection's ids in the file's order: the only query that runs the filters."""
    return list(queryset.order_by(*EXPORT_ORDER).values_list("pk", flat=True))


def export_rows(*, registration_ids: Sequence[int]) -> Iterator[tuple]:
    """One tuple per registration, in the order of the ids. Session titles and sector
    names are small tables read once, in the current language."""
    sessions = {}
    sectors = {sector.pk: sector.name for sector in Sector.objects.all()}
    for chunk in _batched(registration_ids, CHUNK):
        values = (
            Registration.objects.filter(pk__in=chunk).order_by(*EXPORT_ORDER).values_list(*_COLUMNS)
        )
        for row in values.iterator(chunk_size=CHUNK):
            session_id = row[0]
            if session_id not in sessions:
                sessions[session_id] = str(Session.objects.get(pk=session_id).title)
            yield (
                sessions[session_id],
                row[1],
                row[2],
                row[3],
                sectors.get(row[4]),
                row[5],
                row[6],
                *row[7:12],
                timezone.localtime(row[12]).isoformat(timespec="minutes"),
            )


def export_job_start(*, user, fmt: str, registration_ids: list[int]) -> ExportJob:
    """Record the export and queue the task that writes it, once the row is committed."""
    from consultations.tasks import export_job_run_task

    with transaction.atomic():
        job = ExportJob.objects.create(
            user=user, format=fmt, registration_ids=registration_ids, total=len(registration_ids)
        )
        transaction.on_commit(lambda: export_job_run_task.delay(job_id=job.pk))
    return job


def _counted(rows: Iterator[tuple], job_id: int) -> Iterator[tuple]:
    for done, row in enumerate(rows, start=1):
        if done % PROGRESS_EVERY == 0:
            ExportJob.objects.filter(pk=job_id).update(done=done)
        yield row


def export_job_run(*, job_id: int) -> bool:
    """Write the export's file. Safe to run twice: the status is claimed under a row lock,
    and a job that is already running, ready or failed is left alone."""
    with transaction.atomic():
        job = ExportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status != ExportStatus.PENDING:
            return False
        job.status = ExportStatus.RUNNING
        job.save(update_fields=["status"])
    rows = _counted(export_rows(registration_ids=job.registration_ids), job.pk)
    try:
        with _temporary_file() as handle:
            if job.format == ExportFormat.XLSX:
                xlsx_write(file=handle, sheets=[Sheet("Registrations", EXPORT_HEADER, rows)])
            else:
                csv_write(file=handle, header=EXPORT_HEADER, rows=rows)
            handle.seek(0)
            job.file.save(f"registrations.{job.format}", File(handle), save=False)
    except Exception as error:
        logger.exception("Export %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.FAILED, error=str(error)[:500], finished_at=timezone.now()
        )
        return False
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.READY,
        file=job.file.name,
        done=job.total,
        registration_ids=[],
        finished_at=timezone.now(),
    )
    return True


def _temporary_file():
    import tempfile

    return tempfile.TemporaryFile()


def export_job_purge(*, now=None) -> int:
    """Delete registrations exports (their files once the deletion has committed) asked
    for more than EXPORT_RETENTION_DAYS ago, whatever became of them: an export holds
    participants' personal data and is made to be downloaded, not kept. Safe to run
    twice. Returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.EXPORT_RETENTION_DAYS)
    purged = 0
    with transaction.atomic():
        for job in ExportJob.objects.select_for_update().filter(created_at__lt=cutoff):
            if job.file:
                delete_file_on_commit(job.file.storage, job.file.name)
            job.delete()
            purged += 1
    return purged


def export_sync_limit() -> int:
    return settings.EXPORT_SYNC_MAX_ROWS
