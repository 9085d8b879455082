"""Outgoing mail is a row first and a message second, so a broker outage loses nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from outbox.enums import MailStatus


class OutgoingMail(models.Model):
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    language = models.CharField(_("language"), max_length=10)
    # [{"filename": ..., "content_type": ..., "content": <text>}]; calendar files are text.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # Extra message headers, e.g. List-Unsubscribe for campaign mail (RFC 2369, RFC 8058).
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    handed_at = models.DateTimeField(_("handed to a worker"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        indexes = [
            models.Index(fields=["status", "created_at"], name="outbox_status_created"),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
