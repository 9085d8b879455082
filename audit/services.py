"""Recording into the audit trail, and its retention."""

import datetime as dt

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from audit.enums import AuditAction
from audit.models import AuditEvent


def audit_record(
    *,
    actor,
    action: AuditAction,
    target=None,
    subject_id: int | None = None,
    detail: dict | None = None,
) -> AuditEvent:
    """Add one event. `target` is the model instance acted on (its type and key are
    kept, not the instance); `subject_id` the user whose personal data it concerns."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    # Staff are named as they were, for accountability even after their account goes; a
    # stakeholder acting on their own data is kept only by reference, so that erasing
    # their account leaves no name or address behind.
    label = actor.get_username() if authenticated and actor.is_staff else ""
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_label=label,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        subject_id=subject_id,
        detail=detail or {},
    )


def audit_status_change(*, by, target, old: str, new: str, subject_id: int | None) -> None:
    """Keep a change of someone's status (a registration, a request, an application, an
    input) in the trail, with who made it; nothing when no one made it (`by` is None:
    the system itself, e.g. a waitlist promotion after a cancellation)."""
    if by is not None and old != new:
        audit_record(
            actor=by,
            action=AuditAction.CHANGED_STATUS,
            target=target,
            subject_id=subject_id,
            detail={"from": str(old), "to": str(new)},
        )


def audit_purge(*, now=None) -> int:
    """Delete events older than AUDIT_RETENTION_DAYS; the only way rows ever leave."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # The trigger lets a delete through only inside this transaction.
                cursor.execute("SET LOCAL gcm.audit_purge = 'on'")
        deleted, _by_model = AuditEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
