from celery import shared_task

from audit.services import audit_purge


@shared_task(name="audit.purge", acks_late=True)
def purge() -> int:
    return audit_purge()
