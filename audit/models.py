"""The audit trail: who did what to whose data, and when. Rows are only ever added;
the database itself refuses to change them (a trigger on PostgreSQL), and only the
retention purge removes rows older than the documented period."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.enums import AuditAction


class AppendOnly(Exception):
    """An audit event cannot be changed or deleted."""


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Kept as it was when the event happened: the account may change or disappear.
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    # What it was done to: "app_label.model" and the row's key, e.g. a registration.
    target_type = models.CharField(_("object type"), max_length=100, blank=True)
    target_id = models.CharField(_("object"), max_length=64, blank=True)
    # Whose data it was, when a person is concerned (kept apart so it can be erased).
    subject_id = models.PositiveBigIntegerField(_("person concerned"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["action", "-at"], name="audit_action_at"),
            models.Index(fields=["actor", "-at"], name="audit_actor_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("Audit events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit events are removed only by the retention purge.")
