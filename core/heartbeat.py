"""Heartbeats: a worker proves it works by writing the time, readiness reads its age.

Celery beat queues `core.heartbeat` every HEARTBEAT_SECONDS; a worker that runs it writes
one row. A recent row shows that the scheduler, the broker and at least one worker all
work (what mail, reminders and reports need), at the cost of one UPDATE, and a readiness
probe answers with one SELECT instead of a two-second broadcast ping.
"""

from datetime import datetime

from django.utils import timezone

from core.models import Heartbeat


def heartbeat_record(*, name: str, now: datetime | None = None) -> None:
    """Write (or move forward) the heartbeat called `name`. Safe to run twice."""
    Heartbeat.objects.update_or_create(name=name, defaults={"at": now or timezone.now()})


def heartbeat_age(*, name: str, now: datetime | None = None) -> float | None:
    """Seconds since the heartbeat called `name`, or None when there has been none."""
    at = Heartbeat.objects.filter(name=name).values_list("at", flat=True).first()
    if at is None:
        return None
    return ((now or timezone.now()) - at).total_seconds()
