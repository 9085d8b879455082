"""Outgoing mail is a row first and a message second, so a broker outage loses nothing."""

from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from outbox.enums import MailStatus


def new_message_id() -> str:
    """A Message-ID for one outgoing mail, generated once and sent with every attempt, so
    that a mail sent twice (a worker killed after the SMTP server accepted it) is folded
    into one by mail clients. The sender's domain, not the host name: no DNS lookup."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


class OutgoingMail(models.Model):
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    language = models.CharField(_("language"), max_length=10)
    # [{"filename": ..., "content_type": ..., "content": <text>}]; calendar files are text.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # Extra message headers, e.g. List-Unsubscribe for campaign mail (RFC 2369, RFC 8058).
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # A mail written by the worker that sends it (outbox.services.mail_queue_later): the
    # template, and the registered renderer that turns render_args into its context and
    # attachments. Empty once the mail is written (subject and body hold it then).
    template = models.CharField(_("template"), max_length=200, blank=True)
    renderer = models.CharField(_("written by"), max_length=100, blank=True)
    render_args = models.JSONField(_("what it is written from"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    # Counted (and committed) before each SMTP conversation, so a send that dies after
    # the server accepted the message still shows.
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    message_id = models.CharField(
        _("Message-ID"), max_length=255, unique=True, default=new_message_id, editable=False
    )
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
