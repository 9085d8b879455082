import logging

from celery import shared_task

from consultations import services

logger = logging.getLogger(__name__)


@shared_task(name="consultations.send_reminders", acks_late=True)
def send_reminders() -> int:
    sent = services.reminders_send()
    logger.info("Queued %s session reminders", sent)
    return sent


@shared_task(name="consultations.purge_accreditation", acks_late=True)
def purge_accreditation() -> int:
    purged = services.accreditation_purge()
    logger.info("Purged accreditation data of %s registrations", purged)
    return purged


@shared_task(name="consultations.export_job_run", acks_late=True)
def export_job_run_task(*, job_id: int) -> bool:
    from consultations.exports import export_job_run

    return export_job_run(job_id=job_id)
