"""Celery tasks of the roundtables app."""

import logging

from celery import shared_task
from django.utils import timezone

from core.errors import DomainError
from roundtables.models import RapporteurCall
from roundtables.services import rapporteur as services

logger = logging.getLogger(__name__)


@shared_task(name="roundtables.start_due_assessments", acks_late=True)
def start_due_assessments() -> int:
    """Put the applications of every call whose deadline has passed under assessment, so
    that candidates hear promptly that the call has closed. Safe to run twice: a call
    whose assessment has started is skipped, and the service itself is idempotent."""
    now = timezone.now()
    moved = 0
    for call_id in RapporteurCall.objects.filter(
        deadline__lte=now, assessment_started_at__isnull=True, selection_confirmed_at__isnull=True
    ).values_list("pk", flat=True):
        moved += start_assessment(call_id=call_id)
    return moved


def start_assessment(*, call_id: int) -> int:
    call = RapporteurCall.objects.filter(pk=call_id).first()
    if call is None:
        logger.info("Call %s is gone; nothing to start", call_id)
        return 0
    try:
        return services.call_start_assessment(call=call)
    except DomainError:
        logger.info("Call %s is not ready for assessment", call_id, exc_info=True)
        return 0
