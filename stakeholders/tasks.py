import logging

from celery import shared_task

from stakeholders import services

logger = logging.getLogger(__name__)


@shared_task(name="stakeholders.purge_personal_data", acks_late=True)
def purge_personal_data() -> dict[str, int]:
    """Every retention rule, daily (CELERY_BEAT_SCHEDULE). Safe to run twice."""
    results = services.personal_data_purge()
    logger.info("Personal data purged by the retention rules: %s", results)
    return results
